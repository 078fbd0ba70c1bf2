import { sign } from "node:crypto";
import { userProfileSchema } from "@handoff/types";
import { describe, expect, it } from "vitest";
import { addDeviceFlow, freshEmail, keys } from "./device-key-helpers.js";
import { useService } from "./helpers.js";
import { passkeyCalls } from "./passkey-calls.js";
import { codeCalls } from "./security/code-calls.js";
import { SoftAuthenticator } from "./soft-authenticator.js";
import { statusAndCode, userLifecycleCalls } from "./user-lifecycle-calls.js";

const t = await useService({ waitTimeoutMs: 5_000 });
const users = userLifecycleCalls(t);
const codes = codeCalls(t);
const passkeys = passkeyCalls(t);
const devices = addDeviceFlow(t);
const deactivated = { status: 403, code: "user_deactivated" };

async function deactivate(id: string) {
  const response = await users.deactivate(id);
  expect(response.status).toBe(200);
  const profile = userProfileSchema.parse(await response.json());
  expect(profile.id).toBe(id);
  expect(Date.parse(profile.deactivated_at ?? "")).not.toBeNaN();
}

async function activate(id: string) {
  const response = await users.activate(id);
  expect(response.status).toBe(200);
  expect(userProfileSchema.parse(await response.json()).deactivated_at).toBeNull();
}

describe("deactivating and activating a user", () => {
  it("no code is generated or authorized; a pending wait is answered user_deactivated; activate restores", async () => {
    const username = freshEmail("deactivate-codes");
    const id = await t.createUser(username);
    const { code } = await codes.generate(id, "short", "temporary_authentication");
    const waiting = codes.wait(username, code, "short");
    await new Promise((resolve) => setTimeout(resolve, 100));
    await deactivate(id);
    expect(await statusAndCode(await waiting)).toEqual(deactivated);

    const generate = await t.post(
      "/api/native/codes/short/generate",
      { client_id: t.clientId, user_id: id, purpose: "temporary_authentication", authorize: false },
      { token: await t.token("codes.generate") },
    );
    expect(await statusAndCode(generate)).toEqual(deactivated);
    const authorize = await t.post(
      "/api/native/codes/short/authorize",
      { client_id: t.clientId, user_id: id, purpose: "temporary_authentication", code },
      { token: await t.token("codes.authorize") },
    );
    expect(await statusAndCode(authorize)).toEqual(deactivated);
    // Deactivating twice keeps the user deactivated (and is no error).
    expect((await users.deactivate(id)).status).toBe(200);

    await activate(id);
    const fresh = await codes.generate(id, "short", "temporary_authentication", true);
    expect((await codes.wait(username, fresh.code, "short")).status).toBe(200);
  });

  it("a new wait for a deactivated user is answered exactly like a wrong code (no enumeration)", async () => {
    const username = freshEmail("deactivate-wait");
    const id = await t.createUser(username);
    const { code } = await codes.generate(id, "short", "temporary_authentication", true);
    await deactivate(id);
    const forDeactivated = await statusAndCode(await codes.wait(username, code, "short"));
    const forUnknown = await statusAndCode(await codes.wait(freshEmail("nobody"), code, "short"));
    expect(forDeactivated).toEqual({ status: 400, code: "invalid_code" });
    expect(forUnknown).toEqual(forDeactivated);
  });

  it("refuses passkey sign-in only after the passkey is verified; activate lets it in again", async () => {
    const username = freshEmail("deactivate-passkey");
    const authenticator = new SoftAuthenticator(t.origin);
    const signedUp = await passkeys.signUp(username, authenticator);
    await deactivate(signedUp.user.id);
    // Init answers as for any user with passkeys: it reveals no more than before.
    const options = await passkeys.authenticateOptions(username);
    const credential = authenticator.authenticate(options);
    const refused = await passkeys.call("authenticateComplete", { client_id: t.clientId, username, credential });
    expect(await statusAndCode(refused)).toEqual(deactivated);
    await activate(signedUp.user.id);
    expect((await passkeys.signIn(username, authenticator)).user.id).toBe(signedUp.user.id);
  });

  it("refuses device-key sign-in, adding a device key and emailing a security code", async () => {
    const email = freshEmail("deactivate-device");
    const pair = keys.p256();
    const registered = await devices.register(email, pair.publicKey);
    const userId = String(registered.user.id);
    const keyId = String(registered.key.id);
    const { code } = await devices.signupAndCode(email); // sent while active
    await deactivate(userId);

    const init = await t.post("/pwless/login/init", { email, key_id: keyId });
    const { challenge } = (await init.json()) as { challenge: string };
    const signature = sign("sha256", Buffer.from(challenge, "base64url"), {
      key: pair.privateKey,
      dsaEncoding: "ieee-p1363",
    }).toString("base64url");
    const login = await t.post("/pwless/login/complete", { email, key_id: keyId, challenge, signature });
    expect(await statusAndCode(login)).toEqual(deactivated);

    // The code sent before was deleted with the deactivation: a wrong code, as for anyone.
    const another = keys.p256();
    const added = await devices.devices({
      email,
      key_data: another.publicKey.export({ format: "der", type: "spki" }).toString("base64url"),
      device_info: "Second",
      key_type: "ec",
      key_length: 256,
      signature_algorithm: "ES256",
      security_code: code,
    });
    expect(await statusAndCode(added)).toEqual({ status: 400, code: "invalid_code" });

    // Signup answers as for any email, but sends no code.
    const mails = t.service.outbox.length;
    const signup = await devices.signup(email);
    expect(signup.status).toBe(200);
    expect(t.service.outbox.length).toBe(mails);

    await activate(userId);
    expect((await devices.register(email, another.publicKey)).user.id).toBe(userId);
  });

  it("refuses adding a passkey with a code authorized before the deactivation", async () => {
    const username = freshEmail("deactivate-add");
    const authenticator = new SoftAuthenticator(t.origin);
    const signedUp = await passkeys.signUp(username, authenticator);
    const verifiedId = signedUp.user.id;
    const addCode = await passkeys.generateAddCode(verifiedId, true, "short");
    const options = await passkeys.addOptions(username, addCode, "short");
    await deactivate(verifiedId);
    const second = new SoftAuthenticator(t.origin);
    const complete = await passkeys.call("addComplete", {
      client_id: t.clientId,
      username,
      credential: second.register(options),
    });
    expect(await statusAndCode(complete)).toEqual(deactivated);
    const init = await passkeys.call("addInit", {
      client_id: t.clientId,
      username,
      authentication_code: { code: addCode, type: "short" },
    });
    expect(await statusAndCode(init)).toEqual({ status: 400, code: "invalid_code" });
  });
});
