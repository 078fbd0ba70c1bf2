import { sign } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { CODE_PURPOSES, CODE_TYPES, deviceLoginInitResponseSchema, normalizeCode, type Scope } from "@handoff/types";
import { describe, expect, it } from "vitest";
import type { LogEntry } from "../../src/index.js";
import { deviceGrantCalls } from "../device-grant-calls.js";
import { addDeviceFlow, keys } from "../device-key-helpers.js";
import { useService } from "../helpers.js";
import { passkeyCalls } from "../passkey-calls.js";
import { SoftAuthenticator } from "../soft-authenticator.js";
import { codeCalls, freshName, wrongCode } from "./code-calls.js";

const logs: string[] = [];
let explode = false;
const database = join(mkdtempSync(join(tmpdir(), "handoff-logs-")), "handoff.db");
const t = await useService({
  database,
  maxFailedAttempts: 3,
  logger: (entry: LogEntry) => logs.push(JSON.stringify(entry)),
  now: () => {
    if (explode) throw new Error("boom");
    return Date.now();
  },
});

/** Every secret the run handles, to look for in the logs and the answers. */
const secrets = new Set<string>();
const errorBodies: string[] = [];
const keep = (...values: (string | undefined)[]) => {
  for (const value of values) if (value && value.length >= 6) secrets.add(value);
};
const issuedToken = t.token;
t.token = async (scope: Scope, claims?: Record<string, unknown>) => {
  const token = await issuedToken(scope, claims);
  keep(token, token.split(".")[2]);
  return token;
};
const post = t.post;
t.post = async (...args) => {
  const response = await post(...args);
  if (response.status >= 400) errorBodies.push(await response.clone().text());
  return response;
};
const calls = codeCalls(t);
const passkeys = passkeyCalls(t);
const devices = addDeviceFlow(t);

/** Runs every flow, right and wrong, remembering the codes, tokens and keys it sees. */
async function runEverything() {
  keep(t.privateKey.d, t.privateKeyPem.split("\n")[1]);
  for (const purpose of CODE_PURPOSES) {
    for (const type of CODE_TYPES) {
      const name = freshName(`${type}-${purpose}`);
      const userId = await calls.createUser(name);
      const { code } = await calls.generate(userId, type, purpose);
      keep(code, normalizeCode(code));
      await calls.authorize(userId, wrongCode(code, type, 1), type, purpose);
      await calls.authorize(userId, code, type, purpose);
      if (purpose === "temporary_authentication") {
        const session = (await (await calls.wait(name, code, type)).json()) as { jwt: string };
        keep(session.jwt);
      }
      for (let i = 2; i < 6; i++) await calls.wait(name, wrongCode(code, type, i), type); // up to a lock-out
    }
  }
  // Add device with a key pair, then sign in with it.
  const email = freshName("device");
  const { code, nonce } = await devices.signupAndCode(email);
  keep(code, nonce);
  const pair = keys.p256();
  keep(String(pair.privateKey.export({ format: "jwk" }).d));
  const registered = await devices.devices({
    email,
    key_data: pair.publicKey.export({ format: "der", type: "spki" }).toString("base64url"),
    device_info: "Log test",
    key_type: "ec",
    key_length: 256,
    signature_algorithm: "ES256",
    security_code: code,
  });
  const keyId = String(((await registered.json()) as { key: { id: string } }).key.id);
  const init = await t.post("/pwless/login/init", { email, key_id: keyId });
  const { challenge } = deviceLoginInitResponseSchema.parse(await init.json());
  const signature = sign("sha256", Buffer.from(challenge, "base64url"), {
    key: pair.privateKey,
    dsaEncoding: "ieee-p1363",
  }).toString("base64url");
  keep(signature);
  const login = await t.post("/pwless/login/complete", { email, key_id: keyId, challenge, signature });
  keep(((await login.json()) as { jwt: string }).jwt);
  // Passkeys: sign up, sign in, and a refused assertion.
  const username = freshName("passkey");
  const authenticator = new SoftAuthenticator(t.origin);
  keep((await passkeys.signUp(username, authenticator)).jwt, (await passkeys.signIn(username, authenticator)).jwt);
  const options = await passkeys.authenticateOptions(username);
  await passkeys.call("authenticateComplete", {
    client_id: t.clientId,
    username,
    credential: authenticator.authenticate(options, { counter: 0 }),
  });
  // The OAuth device grant: a device code, a user code (and a wrong one), the tokens.
  await t.service.setDeviceGrant(t.clientId, { verificationUri: "https://app.example/device" });
  const device = deviceGrantCalls(t);
  const deviceUser = await calls.createUser(freshName("oauth"));
  const started = await device.start({ scope: "openid" });
  keep(started.device_code, started.user_code, started.user_code.replace("-", ""));
  await device.poll(started.device_code);
  await device.decide("retrieve", "BBBB-BBBB", deviceUser);
  await device.decide("approve", started.user_code, deviceUser);
  const tokens = (await (await device.poll(started.device_code)).json()) as { access_token: string; id_token: string };
  keep(tokens.access_token, tokens.id_token);
  // Replayed and malformed service tokens.
  const token = await t.token("users.retrieve");
  for (let i = 0; i < 2; i++) await t.post("/api/native/manage/users/retrieve", { username }, { token });
  await t.post("/api/native/manage/users/retrieve", { username }, { token: `${token}x` });
}

describe("no secret in any log line or error body", () => {
  it("codes, device and user codes, service tokens, JWTs, nonces and private keys never reach the logs", async () => {
    await runEverything();
    const db = new DatabaseSync(database, { readOnly: true });
    for (const row of db.prepare("SELECT value FROM secrets").all()) keep(String(row.value));
    for (const row of db.prepare("SELECT private_jwk FROM signing_keys").all()) {
      keep(String((JSON.parse(String(row.private_jwk)) as { d: string }).d));
    }
    db.close();
    expect(logs.length).toBeGreaterThan(50);
    expect(secrets.size).toBeGreaterThan(30);
    const leaks = logs.flatMap((line) => [...secrets].filter((secret) => line.includes(secret)).map(() => line));
    expect(leaks).toEqual([]);
    for (const line of logs) {
      expect(line).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\./); // any JWT
      expect(line).not.toMatch(/PRIVATE KEY|"d":"/);
      expect(line).not.toMatch(/\bSELECT\b|\bINSERT INTO\b|\bUPDATE \w+ SET\b|\bDELETE FROM\b/);
      expect(line).not.toMatch(/\\n\s+at /); // a stack trace
    }
  });

  it("error bodies name no secret, stack or SQL", () => {
    expect(errorBodies.length).toBeGreaterThan(5);
    for (const body of errorBodies) {
      expect(Object.keys(JSON.parse(body) as object).sort()).toEqual(["code", "message"]);
      expect([...secrets].filter((secret) => body.includes(secret))).toEqual([]);
      expect(body).not.toMatch(/\n\s+at |node:internal|\.ts:\d|\bSELECT\b|\bINSERT\b|sqlite/i);
    }
  });

  it("an unexpected failure answers a generic 500 and logs one line without its stack", async () => {
    const token = await t.token("users.retrieve");
    explode = true;
    try {
      const response = await t.post("/api/native/manage/users/retrieve", { username: "x" }, { token });
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ code: "internal_error", message: "Something went wrong on our side." });
    } finally {
      explode = false;
    }
    const logged = logs.filter((line) => line.includes('"unhandled error"'));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain("Error: boom");
    expect(logged[0]).not.toMatch(/\\n\s+at |\.ts:\d/);
  });
});
