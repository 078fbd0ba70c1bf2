import { sign } from "node:crypto";
import { deviceLoginInitResponseSchema } from "@handoff/types";
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

/** A verified user with a device key, then a passkey added with a code. */
async function userWithTwoCredentials() {
  const username = freshEmail("revoke");
  const pair = keys.p256();
  const registered = await devices.register(username, pair.publicKey);
  const userId = String(registered.user.id);
  const authenticator = new SoftAuthenticator(t.origin);
  const code = await passkeys.generateAddCode(userId, true);
  const credential = authenticator.register(await passkeys.addOptions(username, code));
  expect((await passkeys.call("addComplete", { client_id: t.clientId, username, credential })).status).toBe(200);
  return { username, userId, authenticator, keyId: String(registered.key.id), privateKey: pair.privateKey };
}

async function deviceChallenge(email: string, keyId: string) {
  const response = await t.post("/pwless/login/init", { email, key_id: keyId });
  return deviceLoginInitResponseSchema.parse(await response.json()).challenge;
}

function deviceComplete(user: Awaited<ReturnType<typeof userWithTwoCredentials>>, challenge: string) {
  const signature = sign("sha256", Buffer.from(challenge, "base64url"), {
    key: user.privateKey,
    dsaEncoding: "ieee-p1363",
  }).toString("base64url");
  return t.post("/pwless/login/complete", { email: user.username, key_id: user.keyId, challenge, signature });
}

describe("a revoked credential never signs in again", () => {
  it("a revoked passkey: a challenge issued before the revoke fails, and so does every new one", async () => {
    const user = await userWithTwoCredentials();
    const before = await passkeys.authenticateOptions(user.username);
    await credentials.revoke(user.userId, user.authenticator.credentialId);
    const late = await passkeys.call("authenticateComplete", {
      client_id: t.clientId,
      username: user.username,
      credential: user.authenticator.authenticate(before),
    });
    // The same answer as for a passkey never registered: the browser may forget it (signalUnknownCredential).
    await expectError(late, 404, "credential_not_found");
    for (const username of [user.username, undefined]) {
      const credential = user.authenticator.authenticate(await passkeys.authenticateOptions(username));
      await expectError(
        await passkeys.call("authenticateComplete", { client_id: t.clientId, username, credential }),
        404,
        "credential_not_found",
      );
    }
  });

  it("with revealPasskeyUsers, a user whose passkeys are all revoked is offered none (404 no_credentials)", async () => {
    const revealing = await useService({ revealPasskeyUsers: true });
    const calls = passkeyCalls(revealing);
    const authenticator = new SoftAuthenticator(revealing.origin);
    const username = freshEmail("revealed");
    const { user } = await calls.signUp(username, authenticator);
    await credentialCalls(revealing).revoke(user.id, authenticator.credentialId, true);
    await expectError(
      await calls.call("authenticateInit", { client_id: revealing.clientId, username }),
      404,
      "no_credentials",
    );
  });

  it("a device key signs in and records it; revoked, its pending challenge fails and new ones are never stored", async () => {
    const user = await userWithTwoCredentials();
    expect((await deviceComplete(user, await deviceChallenge(user.username, user.keyId))).status).toBe(200);
    const listed = await credentials.list(user.userId);
    expect(listed.find((credential) => credential.uuid === user.keyId)?.last_used_at).not.toBeNull();

    const before = await deviceChallenge(user.username, user.keyId);
    await credentials.revoke(user.userId, user.keyId);
    await expectError(await deviceComplete(user, before), 400, "verification_failed");
    const after = await deviceChallenge(user.username, user.keyId); // answered, never stored
    await expectError(await deviceComplete(user, after), 400, "invalid_challenge");
  });

  it("the last credential, revoked with force, leaves an account that no credential signs in to", async () => {
    const user = await userWithTwoCredentials();
    await credentials.revoke(user.userId, user.authenticator.credentialId);
    await expectError(await credentials.revokeResponse(user.userId, user.keyId), 409, "last_credential");
    expect((await deviceComplete(user, await deviceChallenge(user.username, user.keyId))).status).toBe(200);
    await credentials.revoke(user.userId, user.keyId, true);
    await expectError(
      await deviceComplete(user, await deviceChallenge(user.username, user.keyId)),
      400,
      "invalid_challenge",
    );
  });
});
