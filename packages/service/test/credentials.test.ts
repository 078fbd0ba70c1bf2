import { describe, expect, it } from "vitest";
import { credentialCalls } from "./credential-calls.js";
import { addDeviceFlow, expectError, freshEmail, keys } from "./device-key-helpers.js";
import { useService } from "./helpers.js";
import { passkeyCalls } from "./passkey-calls.js";
import { SoftAuthenticator } from "./soft-authenticator.js";

const t = await useService();
const passkeys = passkeyCalls(t);
const devices = addDeviceFlow(t);
const credentials = credentialCalls(t);

/** A verified user with a device key (added with the emailed code), then a passkey (added with a code). */
async function userWithTwoCredentials(aaguid?: string) {
  const username = freshEmail("cred");
  const registered = await devices.register(username, keys.p256().publicKey, { device_info: "Pixel 8; Android 15" });
  const userId = String(registered.user.id);
  const authenticator = new SoftAuthenticator(t.origin, aaguid);
  const code = await passkeys.generateAddCode(userId, true);
  const credential = authenticator.register(await passkeys.addOptions(username, code));
  const added = await passkeys.call("addComplete", { client_id: t.clientId, username, credential });
  expect(added.status).toBe(200);
  return { username, userId, authenticator, passkeyId: authenticator.credentialId, keyId: String(registered.key.id) };
}

describe("listing, renaming and revoking a user's credentials", () => {
  it("lists passkeys and device keys with type, name, dates and device info", async () => {
    const { userId, passkeyId, keyId } = await userWithTwoCredentials();
    const listed = await credentials.list(userId);
    expect(listed).toEqual([
      expect.objectContaining({
        uuid: keyId,
        type: "device_key",
        name: "Pixel 8; Android 15",
        status: "active",
        last_used_at: null,
        device_info: "Pixel 8; Android 15",
      }),
      expect.objectContaining({ uuid: passkeyId, type: "passkey", status: "active", device_info: null }),
    ]);
    expect(listed[1]?.last_used_at).not.toBeNull(); // adding it signed in with it
    expect(Date.parse(listed[0]?.created_at ?? "")).not.toBeNaN();
  });

  it("names a passkey's provider from its AAGUID where known, else reports no device info", async () => {
    const known = await userWithTwoCredentials("fbfc3007-154e-4ecc-8c0b-6e020557d7bd");
    const unknown = await userWithTwoCredentials("01234567-89ab-cdef-0123-456789abcdef");
    expect((await credentials.list(known.userId))[1]).toMatchObject({
      type: "passkey",
      device_info: "iCloud Keychain",
    });
    expect((await credentials.list(unknown.userId))[1]).toMatchObject({ type: "passkey", device_info: null });
  });

  it("renames a passkey and a device key; the device key keeps its device info", async () => {
    const { userId, passkeyId, keyId } = await userWithTwoCredentials();
    expect(await credentials.rename(userId, passkeyId, "MacBook")).toMatchObject({ uuid: passkeyId, name: "MacBook" });
    expect(await credentials.rename(userId, keyId, "Work phone")).toMatchObject({
      uuid: keyId,
      name: "Work phone",
      device_info: "Pixel 8; Android 15",
    });
    expect((await credentials.list(userId)).map((credential) => credential.name)).toEqual(["Work phone", "MacBook"]);
  });

  it("revokes a credential, emails the user, and refuses the last one unless forced", async () => {
    const { username, userId, passkeyId, keyId } = await userWithTwoCredentials();
    expect(await credentials.revoke(userId, passkeyId)).toMatchObject({ uuid: passkeyId, type: "passkey" });
    expect(t.service.outbox.at(-1)).toMatchObject({ to: username, subject: "A passkey was removed from your account" });
    expect((await credentials.list(userId)).map((credential) => credential.uuid)).toEqual([keyId]);
    await expectError(await credentials.revokeResponse(userId, keyId), 409, "last_credential");
    expect(await credentials.list(userId)).toHaveLength(1);
    expect(await credentials.revoke(userId, keyId, true)).toMatchObject({ uuid: keyId, type: "device_key" });
    expect(t.service.outbox.at(-1)).toMatchObject({
      to: username,
      subject: "A device key was removed from your account",
    });
    expect(await credentials.list(userId)).toEqual([]);
    await expectError(await credentials.revokeResponse(userId, keyId, { force: true }), 404, "credential_not_found");
  });

  it("answers 404 for another user's credential and never touches it", async () => {
    const alice = await userWithTwoCredentials();
    const bob = await userWithTwoCredentials();
    await expectError(
      await credentials.renameResponse(bob.userId, alice.passkeyId, "mine"),
      404,
      "credential_not_found",
    );
    await expectError(
      await credentials.revokeResponse(bob.userId, alice.keyId, { force: true }),
      404,
      "credential_not_found",
    );
    expect(await credentials.list(alice.userId)).toHaveLength(2);
    expect((await credentials.list(alice.userId))[0]?.name).not.toBe("mine");
  });

  it("answers 404 user_not_found for an unknown user and 400 for a malformed request", async () => {
    await expectError(await credentials.listResponse("no-such-user"), 404, "user_not_found");
    await expectError(await credentials.revokeResponse("no-such-user", "x", { force: true }), 404, "user_not_found");
    const missing = await fetch(`${t.service.url}/api/native/credentials`, {
      headers: { authorization: `Bearer ${await t.token("credentials.list")}` },
    });
    await expectError(missing, 400, "invalid_request");
    const { userId, passkeyId } = await userWithTwoCredentials();
    await expectError(await credentials.renameResponse(userId, passkeyId, ""), 400, "invalid_request");
    await expectError(await credentials.renameResponse(userId, passkeyId, "a\u0000b"), 400, "invalid_request");
  });
});

describe("service tokens of the credential endpoints", () => {
  it("needs a token of the endpoint's scope", async () => {
    const { userId, passkeyId } = await userWithTwoCredentials();
    const none = await fetch(`${t.service.url}/api/native/credentials?user_id=${userId}`);
    await expectError(none, 401, "missing_token");
    const wrongScope = await t.token("credentials.list");
    await expectError(await credentials.revokeResponse(userId, passkeyId, { token: wrongScope }), 403, "forbidden");
    await expectError(await credentials.renameResponse(userId, passkeyId, "x", wrongScope), 403, "forbidden");
    expect(await credentials.list(userId)).toHaveLength(2);
  });

  it("holds a token bound to a user to that user, by user_id or username", async () => {
    const alice = await userWithTwoCredentials();
    const bob = await userWithTwoCredentials();
    const boundToAlice = await t.token("credentials.list", { user_id: alice.userId });
    expect((await credentials.listResponse(alice.userId, { token: boundToAlice })).status).toBe(200);
    const forBob = await t.token("credentials.list", { user_id: alice.userId });
    await expectError(await credentials.listResponse(bob.userId, { token: forBob }), 403, "forbidden");
    const byName = await t.token("credentials.revoke", { username: alice.username });
    await expectError(await credentials.revokeResponse(bob.userId, bob.passkeyId, { token: byName }), 403, "forbidden");
    const unknown = await t.token("credentials.list", { user_id: alice.userId });
    await expectError(await credentials.listResponse("no-such-user", { token: unknown }), 403, "forbidden");
    expect(await credentials.list(bob.userId)).toHaveLength(2);
  });

  it("refuses another client's id in the body or the X-Client-ID header", async () => {
    const { userId, passkeyId } = await userWithTwoCredentials();
    const otherClient = await t.post(
      "/api/native/credentials/revoke",
      { client_id: "another-client", user_id: userId, credential: { uuid: passkeyId } },
      { token: await t.token("credentials.revoke") },
    );
    await expectError(otherClient, 403, "forbidden");
    const header = await credentials.listResponse(userId, { headers: { "x-client-id": "another-client" } });
    await expectError(header, 403, "forbidden");
    expect((await credentials.listResponse(userId, { headers: { "x-client-id": t.clientId } })).status).toBe(200);
  });
});
