import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { deleteUserResponseSchema } from "@handoff/types";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { afterAll, describe, expect, it } from "vitest";
import { addDeviceFlow, freshEmail, keys } from "./device-key-helpers.js";
import { useService } from "./helpers.js";
import { passkeyCalls } from "./passkey-calls.js";
import { codeCalls } from "./security/code-calls.js";
import { SoftAuthenticator } from "./soft-authenticator.js";
import { statusAndCode, userLifecycleCalls } from "./user-lifecycle-calls.js";

const directory = mkdtempSync(join(tmpdir(), "handoff-user-deletion-"));
// Registered before the service's own hook: it runs after the service has closed the file.
afterAll(() => rmSync(directory, { recursive: true, force: true }));
const database = join(directory, "handoff.db");
const t = await useService({ database, waitTimeoutMs: 5_000 });
const users = userLifecycleCalls(t);
const codes = codeCalls(t);
const passkeys = passkeyCalls(t);
const devices = addDeviceFlow(t);

/** Rows of `userId` in every table that holds a user's data, counted as an operator would. */
function rowsOf(userId: string): Record<string, number> {
  const db = new DatabaseSync(database, { readOnly: true });
  try {
    const count = (query: string, ...params: string[]) => Number(db.prepare(query).get(...params)?.n);
    return {
      users: count("SELECT COUNT(*) AS n FROM users WHERE id = ?", userId),
      webauthn_credentials: count("SELECT COUNT(*) AS n FROM webauthn_credentials WHERE user_id = ?", userId),
      device_keys: count("SELECT COUNT(*) AS n FROM device_keys WHERE user_id = ?", userId),
      codes: count("SELECT COUNT(*) AS n FROM codes WHERE user_id = ?", userId),
      challenges: count("SELECT COUNT(*) AS n FROM challenges WHERE user_id = ?", userId),
      attempts: count("SELECT COUNT(*) AS n FROM attempts WHERE key LIKE ?", `code:%:${userId}:%`),
    };
  } finally {
    db.close();
  }
}

/** A user with a passkey, a device key, used and live codes, a pending challenge and a wrong-code counter. */
async function fullUser(label: string) {
  const email = freshEmail(label);
  const registered = await devices.register(email, keys.p256().publicKey); // device key, used security code
  const userId = String(registered.user.id);
  const authenticator = new SoftAuthenticator(t.origin);
  const addCode = await passkeys.generateAddCode(userId, true, "short");
  await passkeys.addOptions(email, addCode, "short"); // a pending challenge
  const first = new SoftAuthenticator(t.origin);
  const add = await passkeys.generateAddCode(userId, true, "long");
  const options = await passkeys.addOptions(email, add, "long");
  const added = await passkeys.call("addComplete", {
    client_id: t.clientId,
    username: email,
    credential: first.register(options),
  });
  expect(added.status).toBe(200);
  await t.post(
    "/api/native/codes/short/authorize",
    { client_id: t.clientId, user_id: userId, purpose: "temporary_authentication", code: "000000" },
    { token: await t.token("codes.authorize") },
  ); // a wrong code: a counter
  return { email, userId, authenticator };
}

describe("deleting a user", () => {
  it("by username: the user, its credentials, codes, challenges and counters go, in every table", async () => {
    const { email, userId } = await fullUser("delete-by-name");
    const before = rowsOf(userId);
    for (const table of ["users", "webauthn_credentials", "device_keys", "codes", "challenges", "attempts"]) {
      expect(before[table], table).toBeGreaterThan(0);
    }
    const response = await users.deleteByName(email);
    expect(response.status).toBe(200);
    expect(Date.parse(deleteUserResponseSchema.parse(await response.json()).deleted_at)).not.toBeNaN();
    expect(rowsOf(userId)).toEqual({
      users: 0,
      webauthn_credentials: 0,
      device_keys: 0,
      codes: 0,
      challenges: 0,
      attempts: 0,
    });
    expect(await statusAndCode(await users.deleteByName(email))).toEqual({ status: 404, code: "user_not_found" });
  });

  it("by id: a pending wait is answered user_not_found; a later user of the name is a new user", async () => {
    const username = freshEmail("delete-by-id");
    const oldId = await t.createUser(username);
    const { code } = await codes.generate(oldId, "short", "temporary_authentication");
    const waiting = codes.wait(username, code, "short");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await users.deleteById(oldId)).status).toBe(200);
    expect(await statusAndCode(await waiting)).toEqual({ status: 404, code: "user_not_found" });
    expect(await statusAndCode(await users.deleteById(oldId))).toEqual({ status: 404, code: "user_not_found" });

    const newId = await t.createUser(username);
    expect(newId).not.toBe(oldId);
    const fresh = await codes.generate(newId, "short", "temporary_authentication", true);
    const session = await codes.wait(username, fresh.code, "short");
    const { jwt } = (await session.json()) as { jwt: string };
    const jwks = createRemoteJWKSet(new URL(`${t.service.url}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(jwt, jwks, { audience: t.clientId, issuer: t.service.url });
    expect(payload.sub).toBe(newId);
    expect(payload.sub).not.toBe(oldId);
    // The old id is gone for good: no code for it.
    const generate = await t.post(
      "/api/native/codes/short/generate",
      { client_id: t.clientId, user_id: oldId, purpose: "temporary_authentication", authorize: false },
      { token: await t.token("codes.generate") },
    );
    expect(await statusAndCode(generate)).toEqual({ status: 404, code: "user_not_found" });
  });

  it("a deleted passkey user's passkey signs nobody in", async () => {
    const username = freshEmail("delete-passkey");
    const authenticator = new SoftAuthenticator(t.origin);
    const signedUp = await passkeys.signUp(username, authenticator);
    const options = await passkeys.authenticateOptions(username);
    expect((await users.deleteById(signedUp.user.id)).status).toBe(200);
    const credential = authenticator.authenticate(options);
    const refused = await passkeys.call("authenticateComplete", { client_id: t.clientId, username, credential });
    expect(refused.status).toBe(400);
  });
});

describe("the user lifecycle endpoints validate their token and input", () => {
  it("refuse a token of another scope, bound to another user, or of another client; answer 4xx {code, message}", async () => {
    const alice = await t.createUser(freshEmail("bound-alice"));
    const bob = await t.createUser(freshEmail("bound-bob"));
    const forbidden = { status: 403, code: "forbidden" };
    expect(await statusAndCode(await users.deactivate(bob, { user_id: alice }))).toEqual(forbidden);
    expect(await statusAndCode(await users.activate(bob, { username: "someone@example.com" }))).toEqual(forbidden);
    expect(await statusAndCode(await users.deleteById(bob, { user_id: alice }))).toEqual(forbidden);
    expect(await statusAndCode(await users.deleteByName("x@example.com", { user_id: alice }))).toEqual(forbidden);
    // Bound to the right user: allowed.
    expect((await users.deactivate(bob, { user_id: bob })).status).toBe(200);
    expect((await users.activate(bob, { user_id: bob })).status).toBe(200);

    const wrongScope = await fetch(`${t.service.url}/api/native/manage/users/${bob}/deactivate`, {
      method: "PUT",
      headers: { authorization: `Bearer ${await t.token("users.activate")}` },
    });
    expect(await statusAndCode(wrongScope)).toEqual(forbidden);
    const otherClient = await fetch(`${t.service.url}/api/native/manage/users/${bob}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${await t.token("users.delete")}`, "x-client-id": "another-client" },
    });
    expect(await statusAndCode(otherClient)).toEqual(forbidden);
    const noToken = await fetch(`${t.service.url}/api/native/manage/users/${bob}`, { method: "DELETE" });
    expect(await statusAndCode(noToken)).toEqual({ status: 401, code: "missing_token" });
    expect(await statusAndCode(await users.deleteByName("not an email\u0000"))).toMatchObject({ status: 400 });
    expect(await statusAndCode(await users.deactivate("nobody"))).toEqual({ status: 404, code: "user_not_found" });
    expect(await statusAndCode(await users.activate("x".repeat(200)))).toEqual({
      status: 400,
      code: "invalid_request",
    });
    expect((await users.deleteById(bob)).status).toBe(200);
  });
});
