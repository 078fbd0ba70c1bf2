import { type ChildProcess, execFile, spawn } from "node:child_process";
import { generateKeyPairSync, sign } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { waitCode } from "@handoff/browser";
import {
  authenticationResponseSchema,
  deviceLoginInitResponseSchema,
  generateCodeResponseSchema,
  pwlessDevicesResponseSchema,
  type Scope,
} from "@handoff/types";
import { createRemoteJWKSet, importJWK, type JWK, jwtVerify, SignJWT } from "jose";
import { afterAll, describe, expect, it } from "vitest";
import { SoftAuthenticator } from "../soft-authenticator.js";

const cli = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
const database = join(mkdtempSync(join(tmpdir(), "handoff-kill-")), "handoff.db");
const origin = "http://localhost:5173";
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts `handoff-service start` on `port`; resolves once it listens. Its stdout prints the dev outbox. */
function startCli(port: number): Promise<{ child: ChildProcess; stdout: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "start", "--port", String(port), "--db", database, "--dev-outbox"]);
    children.push(child);
    let stdout = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('"msg":"listening"')) resolve({ child, stdout: () => stdout });
    });
    child.once("exit", (code) => reject(new Error(`exited ${code}: ${stdout}`)));
  });
}

const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const created = JSON.parse(
  (
    await promisify(execFile)(process.execPath, [
      cli,
      "create-client",
      "--db",
      database,
      "--name",
      "kill",
      "--origin",
      origin,
      "--json",
    ])
  ).stdout,
) as { client_id: string; private_key_jwk: JWK };
const clientId = created.client_id;
const clientKey = await importJWK(created.private_key_jwk, "ES256");

async function post(path: string, body: unknown, scope?: Scope) {
  const token = scope
    ? await new SignJWT({ client_id: clientId, type: scope, nonce: crypto.randomUUID() })
        .setProtectedHeader({ alg: "ES256" })
        .setIssuedAt()
        .sign(clientKey)
    : undefined;
  return fetch(`${url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

async function json(response: Response): Promise<unknown> {
  if (response.status !== 200) expect.fail(`${response.url}: ${response.status} ${await response.text()}`);
  return response.json();
}

describe("the service killed with SIGKILL mid-flow and restarted on the same SQLite file", () => {
  it("keeps users, passkeys, device keys, signing keys and authorized codes; a waiting SDK completes", async () => {
    const first = await startCli(port);
    const email = `kill-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const { id: userId } = (await json(
      await post("/api/native/manage/users", { username: email }, "users.create"),
    )) as {
      id: string;
    };
    // A device key, registered with the security code the CLI prints (its dev outbox).
    expect((await post("/pwless/signup", { email, client_id: clientId })).status).toBe(200);
    await expect.poll(() => /Your security code is: (\S+)/.exec(first.stdout())?.[1]).toBeTruthy();
    const securityCode = /Your security code is: (\S+)/.exec(first.stdout())?.[1] as string;
    const device = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const registered = pwlessDevicesResponseSchema.parse(
      await json(
        await post("/pwless/devices", {
          email,
          client_id: clientId,
          key_data: device.publicKey.export({ format: "der", type: "spki" }).toString("base64url"),
          device_info: "Kill test",
          key_type: "ec",
          key_length: 256,
          signature_algorithm: "ES256",
          security_code: securityCode,
        }),
      ),
    );
    // A passkey of another user.
    const passkeyUser = `passkey-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const authenticator = new SoftAuthenticator(origin);
    const { options: creation } = (await json(
      await post("/api/native/register/fido2/init", { client_id: clientId, username: passkeyUser }),
    )) as { options: Parameters<SoftAuthenticator["register"]>[0] };
    await json(
      await post("/api/native/register/fido2/complete", {
        client_id: clientId,
        username: passkeyUser,
        credential: authenticator.register(creation),
      }),
    );
    const jwksBefore = await json(await fetch(`${url}/.well-known/jwks.json`));
    // An authorized code nobody consumed yet, and a pending one a browser SDK waits on.
    const generate = async (authorize: boolean) =>
      generateCodeResponseSchema.parse(
        await json(
          await post(
            "/api/native/codes/short/generate",
            { client_id: clientId, user_id: userId, purpose: "temporary_authentication", authorize },
            "codes.generate",
          ),
        ),
      );
    const approved = await generate(true);
    const pending = await generate(false);
    let attempts = 0;
    const waiting = waitCode(
      { baseUrl: url, clientId },
      {
        username: email,
        code: pending.code,
        codeType: "short",
        expiresAt: pending.expires_at,
        onWait: ({ attempt }) => {
          attempts = attempt;
        },
      },
    );
    await expect.poll(() => attempts).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 200)); // the wait is held by the service

    const killed = new Promise((resolve) => first.child.once("exit", (_, signal) => resolve(signal)));
    first.child.kill("SIGKILL");
    expect(await killed).toBe("SIGKILL");
    const second = await startCli(port);

    // The SDK saw the connection drop, backs off, and calls again; the approval then releases it.
    await expect.poll(() => attempts, { timeout: 10_000 }).toBeGreaterThan(1);
    const authorized = await post(
      "/api/native/codes/short/authorize",
      { client_id: clientId, user_id: userId, purpose: "temporary_authentication", code: pending.code },
      "codes.authorize",
    );
    expect(authorized.status).toBe(200);
    const session = await waiting;
    expect(session.user).toMatchObject({ id: userId, username: email });
    expect(await json(await fetch(`${url}/.well-known/jwks.json`))).toEqual(jwksBefore);
    const jwks = createRemoteJWKSet(new URL(`${url}/.well-known/jwks.json`));
    await jwtVerify(session.jwt, jwks, { audience: clientId, issuer: url });

    // The code authorized before the kill still gives exactly one session.
    const body = { client_id: clientId, username: email, authentication_code: { code: approved.code, type: "short" } };
    const resumed = authenticationResponseSchema.parse(
      await json(await post("/api/native/authenticate/code/wait", body)),
    );
    await jwtVerify(resumed.jwt, jwks, { audience: clientId });
    expect((await post("/api/native/authenticate/code/wait", body)).status).toBe(400);

    // The device key signs in.
    const keyId = String(registered.key.id);
    const { challenge } = deviceLoginInitResponseSchema.parse(
      await json(await post("/pwless/login/init", { email, key_id: keyId, client_id: clientId })),
    );
    const signature = sign("sha256", Buffer.from(challenge, "base64url"), {
      key: device.privateKey,
      dsaEncoding: "ieee-p1363",
    }).toString("base64url");
    await json(await post("/pwless/login/complete", { email, key_id: keyId, challenge, signature }));

    // The passkey signs in.
    const { options: request } = (await json(
      await post("/api/native/authenticate/fido2/init", { client_id: clientId, username: passkeyUser }),
    )) as { options: Parameters<SoftAuthenticator["authenticate"]>[0] };
    await json(
      await post("/api/native/authenticate/fido2/complete", {
        client_id: clientId,
        username: passkeyUser,
        credential: authenticator.authenticate(request),
      }),
    );

    const stopped = new Promise((resolve) => second.child.once("exit", resolve));
    second.child.kill("SIGTERM");
    expect(await stopped).toBe(0);
  }, 60_000);
});
