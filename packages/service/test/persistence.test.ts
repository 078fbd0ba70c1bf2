import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRemoteJWKSet, importJWK, jwtVerify, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { startService } from "../src/index.js";

const database = join(mkdtempSync(join(tmpdir(), "handoff-persist-")), "handoff.db");

describe("a restart with the same SQLite file", () => {
  it("keeps clients, users, codes and signing keys", async () => {
    const first = await startService({ port: 0, database, logger: false });
    const { clientId, privateKey } = await first.createClient({ name: "persist" });
    const key = await importJWK(privateKey ?? {}, "ES256");
    const token = (scope: string) =>
      new SignJWT({ client_id: clientId, type: scope, nonce: crypto.randomUUID() })
        .setProtectedHeader({ alg: "ES256" })
        .setIssuedAt()
        .sign(key);
    const post = async (url: string, path: string, scope: string | undefined, body: unknown) =>
      fetch(`${url}${path}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(scope ? { authorization: `Bearer ${await token(scope)}` } : {}),
        },
        body: JSON.stringify(body),
      });
    const user = (await (
      await post(first.url, "/api/native/manage/users", "users.create", { username: "p@example.com" })
    ).json()) as { id: string };
    const { code } = (await (
      await post(first.url, "/api/native/codes/short/generate", "codes.generate", {
        client_id: clientId,
        user_id: user.id,
        purpose: "temporary_authentication",
        authorize: true,
      })
    ).json()) as { code: string };
    const jwksBefore = await (await fetch(`${first.url}/.well-known/jwks.json`)).json();
    await first.close();

    const second = await startService({ port: 0, database, logger: false });
    try {
      expect(await (await fetch(`${second.url}/.well-known/jwks.json`)).json()).toEqual(jwksBefore);
      const retrieved = await post(second.url, "/api/native/manage/users/retrieve", "users.retrieve", {
        username: "p@example.com",
      });
      expect(await retrieved.json()).toMatchObject({ id: user.id });
      const wait = await post(second.url, "/api/native/authenticate/code/wait", undefined, {
        client_id: clientId,
        username: "p@example.com",
        authentication_code: { code, type: "short" },
      });
      expect(wait.status).toBe(200);
      const { jwt } = (await wait.json()) as { jwt: string };
      await jwtVerify(jwt, createRemoteJWKSet(new URL(`${second.url}/.well-known/jwks.json`)), { audience: clientId });
    } finally {
      await second.close();
    }
  });

  it("rotation publishes the new key and keeps the old one", async () => {
    const service = await startService({ port: 0, database, logger: false });
    try {
      const before = (
        (await (await fetch(`${service.url}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] }
      ).keys;
      const kid = await service.rotateSigningKey();
      const after = (
        (await (await fetch(`${service.url}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] }
      ).keys;
      expect(after.map((key) => key.kid)).toEqual(expect.arrayContaining([kid, ...before.map((key) => key.kid)]));
      const pem = await (await fetch(`${service.url}/api/native/certs?kid=${kid}`)).text();
      expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
      expect((await fetch(`${service.url}/api/native/certs?kid=unknown`)).status).toBe(404);
    } finally {
      await service.close();
    }
  });

  it("close answers pending waits with 503 so clients call again", async () => {
    const service = await startService({ port: 0, database: ":memory:", logger: false });
    const { clientId, privateKey } = await service.createClient({ name: "closing" });
    const key = await importJWK(privateKey ?? {}, "ES256");
    const auth = async (scope: string) =>
      `Bearer ${await new SignJWT({ client_id: clientId, type: scope, nonce: crypto.randomUUID() }).setProtectedHeader({ alg: "ES256" }).setIssuedAt().sign(key)}`;
    const json = { "content-type": "application/json" };
    const user = (await (
      await fetch(`${service.url}/api/native/manage/users`, {
        method: "POST",
        headers: { ...json, authorization: await auth("users.create") },
        body: JSON.stringify({ username: "c@example.com" }),
      })
    ).json()) as { id: string };
    const { code } = (await (
      await fetch(`${service.url}/api/native/codes/short/generate`, {
        method: "POST",
        headers: { ...json, authorization: await auth("codes.generate") },
        body: JSON.stringify({ client_id: clientId, user_id: user.id, purpose: "temporary_authentication" }),
      })
    ).json()) as { code: string };
    const waiting = fetch(`${service.url}/api/native/authenticate/code/wait`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({
        client_id: clientId,
        username: "c@example.com",
        authentication_code: { code, type: "short" },
      }),
    });
    await expect.poll(() => service.pendingWaits).toBe(1);
    await service.close();
    const response = await waiting;
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ code: "service_unavailable" });
  });
});
