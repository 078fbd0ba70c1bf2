import { describe, expect, it } from "vitest";
import { addDeviceFlow, deviceBody, freshEmail, keys } from "../device-key-helpers.js";
import { useService } from "../helpers.js";
import { passkeyCalls } from "../passkey-calls.js";
import { SoftAuthenticator } from "../soft-authenticator.js";

const t = await useService();
const passkeys = passkeyCalls(t);
const devices = addDeviceFlow(t);

/** The attacker's passkey tries a fresh sign-in to `email`: the refusal. */
async function attackerSignIn(email: string, attacker: SoftAuthenticator) {
  const credential = attacker.authenticate(await passkeys.authenticateOptions(email));
  return passkeys.refusal(
    await passkeys.call("authenticateComplete", { client_id: t.clientId, username: email, credential }),
  );
}

describe("account pre-hijacking: an account named by an email is unverified until the email is proven", () => {
  it("the owner's proof revokes the passkey an attacker registered under the address, and says so", async () => {
    const email = freshEmail("victim");
    // The attacker signs up with a passkey as the victim, proving nothing, and can sign in.
    const attacker = new SoftAuthenticator(t.origin);
    const attackerSession = await passkeys.signUp(email, attacker);
    await passkeys.signIn(email, attacker);
    // A challenge the attacker holds across the owner's proof.
    const pending = attacker.authenticate(await passkeys.authenticateOptions(email));

    // The owner proves the address (emailed security code) and adds a device key.
    const added = await devices.register(email, keys.p256().publicKey, { device_info: "Owner laptop" });
    expect(added.user.id).toBe(attackerSession.user.id); // the account keeps its id: it is the owner's now

    // No credential the owner did not add may sign in.
    const late = await passkeys.call("authenticateComplete", {
      client_id: t.clientId,
      username: email,
      credential: pending,
    });
    expect(await passkeys.refusal(late)).toEqual({ status: 400, code: "invalid_challenge" });
    expect(await attackerSignIn(email, attacker)).toEqual({ status: 404, code: "credential_not_found" });

    // The owner is told which credentials were removed.
    const notice = t.service.outbox.findLast((mail) => mail.to === email && mail.subject.includes("new device"));
    expect(notice?.text).toContain("has been removed");
    expect(notice?.text).toContain('passkey "Passkey"');
  });

  it("a later proof by the verified owner revokes nothing", async () => {
    const email = freshEmail("owner");
    const first = await devices.register(email, keys.p256().publicKey, { device_info: "Phone" });
    const second = await devices.register(email, keys.p256().publicKey, { device_info: "Tablet" });
    expect(second.user.id).toBe(first.user.id);
    for (const key of [first.key.id, second.key.id]) {
      const init = await t.post("/pwless/login/init", { email, key_id: key }, { headers: { origin: t.origin } });
      expect(init.status).toBe(200);
    }
    const notice = t.service.outbox.findLast((mail) => mail.to === email && mail.subject.includes("new device"));
    expect(notice?.text).not.toContain("removed");
  });

  it("users the backend creates are verified: an email proof keeps the passkeys added with its codes", async () => {
    const email = freshEmail("backend");
    const userId = await t.createUser(email);
    const code = await passkeys.generateAddCode(userId, true);
    const authenticator = new SoftAuthenticator(t.origin);
    const credential = authenticator.register(await passkeys.addOptions(email, code));
    const completed = await passkeys.call("addComplete", { client_id: t.clientId, username: email, credential });
    expect(completed.status).toBe(200);
    await devices.register(email, keys.p256().publicKey);
    expect((await passkeys.signIn(email, authenticator)).user.id).toBe(userId);
  });

  it("codes and challenges the attacker got before the owner's proof stop working with it", async () => {
    const email = freshEmail("codes");
    const attacker = new SoftAuthenticator(t.origin);
    const session = await passkeys.signUp(email, attacker);
    const userId = session.user.id;
    // Signed in, the attacker uses the app's own features: its backend makes codes for the account.
    const addCode = await passkeys.generateAddCode(userId, true, "short");
    const addOptions = await passkeys.addOptions(email, await passkeys.generateAddCode(userId, true, "short"), "short");
    const generated = await t.post(
      "/api/native/codes/short/generate",
      { client_id: t.clientId, user_id: userId, purpose: "temporary_authentication", authorize: true },
      { token: await t.token("codes.generate") },
    );
    const { code: onceCode } = (await generated.json()) as { code: string };

    await devices.register(email, keys.p256().publicKey); // the owner proves the address

    const init = await passkeys.call("addInit", {
      client_id: t.clientId,
      username: email,
      authentication_code: { code: addCode, type: "short" },
    });
    expect(await passkeys.refusal(init)).toEqual({ status: 400, code: "invalid_code" });
    const late = new SoftAuthenticator(t.origin).register(addOptions);
    const complete = await passkeys.call("addComplete", { client_id: t.clientId, username: email, credential: late });
    expect((await passkeys.refusal(complete)).status).toBe(400);
    const wait = await t.post(
      "/api/native/authenticate/code/wait",
      { client_id: t.clientId, username: email, authentication_code: { code: onceCode, type: "short" } },
      { headers: { origin: t.origin } },
    );
    expect(await passkeys.refusal(wait)).toEqual({ status: 400, code: "invalid_code" });
    expect(await attackerSignIn(email, attacker)).toEqual({ status: 404, code: "credential_not_found" });
  });

  it("the backend sees whether an account's username is proven (verified_at)", async () => {
    const email = freshEmail("profile");
    await passkeys.signUp(email, new SoftAuthenticator(t.origin));
    const retrieve = async () =>
      (await (
        await t.post(
          "/api/native/manage/users/retrieve",
          { username: email },
          { token: await t.token("users.retrieve") },
        )
      ).json()) as { verified_at: string | null };
    expect((await retrieve()).verified_at).toBeNull();
    await devices.register(email, keys.p256().publicKey);
    expect((await retrieve()).verified_at).toEqual(expect.any(String));
  });

  it("a passkey sign-up between the owner's signup and their code does not spoil the code", async () => {
    const email = freshEmail("between");
    const { code } = await devices.signupAndCode(email); // no account yet: the code is the email's
    const attacker = new SoftAuthenticator(t.origin);
    await passkeys.signUp(email, attacker);
    const added = await devices.devices(deviceBody(email, code, keys.p256().publicKey));
    expect(added.status).toBe(200);
    expect(await attackerSignIn(email, attacker)).toEqual({ status: 404, code: "credential_not_found" });
  });

  it("the owner's proof through a passkey (emailed code, /credentials/fido2) revokes the attacker's too", async () => {
    const email = freshEmail("passkey-proof");
    const attacker = new SoftAuthenticator(t.origin);
    await passkeys.signUp(email, attacker);
    const { code } = await devices.signupAndCode(email); // the owner asks for a code: it goes to their mailbox
    const owner = new SoftAuthenticator(t.origin);
    const credential = owner.register(await passkeys.addOptions(email, code));
    const added = await passkeys.call("addComplete", {
      client_id: t.clientId,
      username: email,
      credential,
      credential_name: "Owner phone",
    });
    expect(added.status).toBe(200);
    expect((await passkeys.signIn(email, owner)).user.username).toBe(email);
    // The attacker's passkey is gone: it signs in no more.
    expect(await attackerSignIn(email, attacker)).toEqual({ status: 404, code: "credential_not_found" });
    const notice = t.service.outbox.findLast((mail) => mail.to === email && mail.subject.includes("passkey was added"));
    expect(notice?.text).toContain('passkey "Passkey"');
    expect(notice?.text).toContain("has been removed");
  });
});
