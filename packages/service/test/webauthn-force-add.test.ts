/**
 * Adding a passkey on the backend's word (`POST /api/native/credentials/fido2/init/force`, a
 * `credentials.force_add` service token), completed by the browser at
 * `/api/native/credentials/fido2/complete` — as an attacker would try it.
 */
import { describe, expect, it } from "vitest";
import { credentialCalls } from "./credential-calls.js";
import { addDeviceFlow, expectError, freshEmail, keys } from "./device-key-helpers.js";
import { useService } from "./helpers.js";
import { passkeyCalls } from "./passkey-calls.js";
import { SoftAuthenticator } from "./soft-authenticator.js";

const t = await useService();
const passkeys = passkeyCalls(t);
const credentials = credentialCalls(t);
let now = Date.now();
const clocked = await useService({ now: () => now });

/** A user signed up with a first passkey. */
async function existingUser() {
  const username = freshEmail("force");
  const first = new SoftAuthenticator(t.origin);
  const session = await passkeys.signUp(username, first);
  return { username, userId: session.user.id, first };
}

const complete = (username: string, credential: unknown, on = t) =>
  passkeyCalls(on).call("addComplete", { client_id: on.clientId, username, credential, credential_name: "Laptop" });

describe("adding a passkey without a code, on the backend's word", () => {
  it("answers registration options; the browser completes, signs in, and the user is emailed", async () => {
    const { username, userId, first } = await existingUser();
    const options = await credentials.forceAddOptions(userId);
    expect(options.user.name).toBe(username);
    expect(options.excludeCredentials?.map((descriptor) => descriptor.id)).toEqual([first.credentialId]);
    expect(options.authenticatorSelection?.userVerification).toBe("required");
    const second = new SoftAuthenticator(t.origin);
    const response = await complete(username, second.register(options));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      user: { id: userId },
      credential: { type: "fido2", name: "Laptop" },
    });
    expect(t.service.outbox.at(-1)).toMatchObject({ to: username, subject: "A passkey was added to your account" });
    expect((await passkeys.signIn(username, second)).user.id).toBe(userId);
    expect((await credentials.list(userId)).map((credential) => credential.name)).toEqual(["Passkey", "Laptop"]);
  });

  it("works for a user without any credential (created by the backend)", async () => {
    const username = freshEmail("force-new");
    const userId = await t.createUser(username);
    const authenticator = new SoftAuthenticator(t.origin);
    const response = await complete(username, authenticator.register(await credentials.forceAddOptions(userId)));
    expect(response.status).toBe(200);
    expect((await passkeys.signIn(username, authenticator)).user.id).toBe(userId);
  });
});

describe("the service token is the only credential of init/force", () => {
  it("needs a token, of scope credentials.force_add, of the client the body names", async () => {
    const { userId } = await existingUser();
    const none = await t.post("/api/native/credentials/fido2/init/force", { client_id: t.clientId, user_id: userId });
    await expectError(none, 401, "missing_token");
    const wrongScope = await t.token("credentials.list", { user_id: userId });
    await expectError(await credentials.forceAddResponse(userId, { token: wrongScope }), 403, "forbidden");
    const codeScope = await t.token("codes.generate", { user_id: userId });
    await expectError(await credentials.forceAddResponse(userId, { token: codeScope }), 403, "forbidden");
    await expectError(await credentials.forceAddResponse(userId, { clientId: "another-client" }), 403, "forbidden");
    const replayed = await t.token("credentials.force_add", { user_id: userId });
    expect((await credentials.forceAddResponse(userId, { token: replayed })).status).toBe(200);
    await expectError(await credentials.forceAddResponse(userId, { token: replayed }), 401, "invalid_token");
  });

  it("holds a token bound to user A to user A: never options for B", async () => {
    const alice = await existingUser();
    const bob = await existingUser();
    const forAlice = await t.token("credentials.force_add", { user_id: alice.userId });
    await expectError(await credentials.forceAddResponse(bob.userId, { token: forAlice }), 403, "forbidden");
    const byName = await t.token("credentials.force_add", { username: alice.username });
    await expectError(await credentials.forceAddResponse(bob.userId, { token: byName }), 403, "forbidden");
    expect(await credentials.list(bob.userId)).toHaveLength(1);
  });

  it("answers user_not_found for an unknown user and user_deactivated for a deactivated one", async () => {
    const unbound = await t.token("credentials.force_add");
    await expectError(await credentials.forceAddResponse("no-such-user", { token: unbound }), 404, "user_not_found");
    const { userId } = await existingUser();
    const deactivate = await fetch(`${t.service.url}/api/native/manage/users/${userId}/deactivate`, {
      method: "PUT",
      headers: { authorization: `Bearer ${await t.token("users.deactivate")}` },
    });
    expect(deactivate.status).toBe(200);
    await expectError(await credentials.forceAddResponse(userId), 403, "user_deactivated");
  });
});

describe("the challenge of init/force", () => {
  it("is single use: a second complete, even by another authenticator, is refused", async () => {
    const { username, userId } = await existingUser();
    const options = await credentials.forceAddOptions(userId);
    expect((await complete(username, new SoftAuthenticator(t.origin).register(options))).status).toBe(200);
    const again = await complete(username, new SoftAuthenticator(t.origin).register(options));
    await expectError(again, 400, "invalid_challenge");
    expect(await credentials.list(userId)).toHaveLength(2);
  });

  it("cannot register a passkey for another user, nor serve as a sign-up or sign-in challenge", async () => {
    const alice = await existingUser();
    const bob = await existingUser();
    const options = await credentials.forceAddOptions(alice.userId);
    const forBob = await complete(bob.username, new SoftAuthenticator(t.origin).register(options));
    await expectError(forBob, 400, "invalid_challenge");
    // The refused attempt spent the challenge: Alice's own complete now fails too.
    await expectError(
      await complete(alice.username, new SoftAuthenticator(t.origin).register(options)),
      400,
      "invalid_challenge",
    );
    const signUp = new SoftAuthenticator(t.origin).register(await credentials.forceAddOptions(alice.userId));
    const asSignUp = await passkeys.call("registerComplete", {
      client_id: t.clientId,
      username: alice.username,
      credential: signUp,
    });
    await expectError(asSignUp, 400, "invalid_challenge");
    expect(await credentials.list(alice.userId)).toHaveLength(1);
    expect(await credentials.list(bob.userId)).toHaveLength(1);
  });

  it("expires after 5 minutes", async () => {
    const username = freshEmail("force-clock");
    const userId = await clocked.createUser(username);
    const response = await clocked.post(
      "/api/native/credentials/fido2/init/force",
      { client_id: clocked.clientId, user_id: userId },
      { token: await clocked.token("credentials.force_add", { user_id: userId, iat: Math.floor(now / 1000) }) },
    );
    expect(response.status).toBe(200);
    const { options } = (await response.json()) as { options: Parameters<SoftAuthenticator["register"]>[0] };
    const credential = new SoftAuthenticator(clocked.origin).register(options);
    now += 5 * 60_000 + 1;
    await expectError(await complete(username, credential, clocked), 400, "invalid_challenge");
  });

  it("fails when the user is deactivated or deleted between init and complete", async () => {
    const deactivated = await existingUser();
    const pending = await credentials.forceAddOptions(deactivated.userId);
    const put = await fetch(`${t.service.url}/api/native/manage/users/${deactivated.userId}/deactivate`, {
      method: "PUT",
      headers: { authorization: `Bearer ${await t.token("users.deactivate")}` },
    });
    expect(put.status).toBe(200);
    const late = await complete(deactivated.username, new SoftAuthenticator(t.origin).register(pending));
    await expectError(late, 403, "user_deactivated");
    expect(await credentials.list(deactivated.userId)).toHaveLength(1);

    const deleted = await existingUser();
    const orphan = await credentials.forceAddOptions(deleted.userId);
    const remove = await fetch(`${t.service.url}/api/native/manage/users/${deleted.userId}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${await t.token("users.delete")}` },
    });
    expect(remove.status).toBe(200);
    const gone = await complete(deleted.username, new SoftAuthenticator(t.origin).register(orphan));
    await expectError(gone, 400, "invalid_challenge");
  });

  it("ends when the owner proves the email of an unverified account before complete", async () => {
    const { username, userId } = await existingUser(); // a passkey sign-up: unverified
    const pending = await credentials.forceAddOptions(userId);
    await addDeviceFlow(t).register(username, keys.p256().publicKey); // the owner's proof
    const late = await complete(username, new SoftAuthenticator(t.origin).register(pending));
    await expectError(late, 400, "invalid_challenge");
    expect((await credentials.list(userId)).map((credential) => credential.type)).toEqual(["device_key"]);
  });
});
