import { describe, expect, it } from "vitest";
import { addDeviceFlow, freshEmail, keys } from "../device-key-helpers.js";
import { useService } from "../helpers.js";
import { passkeyCalls } from "../passkey-calls.js";
import { SoftAuthenticator } from "../soft-authenticator.js";

const t = await useService();
const passkeys = passkeyCalls(t);
const devices = addDeviceFlow(t);

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
    expect(await passkeys.refusal(late)).toEqual({ status: 400, code: "verification_failed" });
    const again = await passkeys.call("authenticateInit", { client_id: t.clientId, username: email });
    expect(await passkeys.refusal(again)).toEqual({ status: 404, code: "no_credentials" });

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
});
