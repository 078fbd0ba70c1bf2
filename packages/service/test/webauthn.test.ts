import { createRemoteJWKSet, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { useService } from "./helpers.js";
import { passkeyCalls } from "./passkey-calls.js";
import { SoftAuthenticator } from "./soft-authenticator.js";

const t = await useService();
const api = passkeyCalls(t);
let now = Date.now();
const clocked = await useService({ now: () => now });
const clockedApi = passkeyCalls(clocked);
let serial = 0;
const newName = () => `passkey-${++serial}-${crypto.randomUUID()}@example.com`;

describe("passkey sign-up and sign-in over HTTP", () => {
  it("signs up, then signs in with the passkey; both sessions carry a verifiable JWT", async () => {
    const username = newName();
    const authenticator = new SoftAuthenticator(t.origin);
    const options = await api.registerOptions(username);
    expect(options.rp.id).toBe("localhost");
    expect(options.authenticatorSelection?.userVerification).toBe("required");
    expect(Buffer.from(options.challenge, "base64url").length).toBeGreaterThanOrEqual(16);
    const signedUp = await api.signUp(username, authenticator);
    expect(signedUp.credential).toMatchObject({ type: "fido2", name: "Passkey" });
    expect(signedUp.user.username).toBe(username);

    expect(options.authenticatorSelection?.residentKey).toBe("required");
    const signInOptions = await api.authenticateOptions(username);
    expect(signInOptions.userVerification).toBe("required");
    expect(signInOptions.allowCredentials).toBeUndefined(); // revealPasskeyUsers is off by default
    const signedIn = await api.signIn(username, authenticator);
    expect(signedIn.user.id).toBe(signedUp.user.id);
    expect(signedIn.credential.uuid).toBe(signedUp.credential.uuid);
    const jwks = createRemoteJWKSet(new URL(`${t.service.url}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(signedIn.jwt, jwks, { audience: t.clientId, issuer: t.service.url });
    expect(payload).toMatchObject({
      sub: signedUp.user.id,
      udata: username,
      amr: ["fido2"],
      credential_id: authenticator.credentialId, // the id the credential endpoints list
    });
  });

  it("refuses a foreign Origin header before doing anything (403 origin_not_allowed)", async () => {
    const username = newName();
    const authenticator = new SoftAuthenticator(t.origin);
    for (const name of ["registerInit", "authenticateInit"] as const) {
      const response = await api.call(name, { client_id: t.clientId, username }, "https://evil.example");
      expect(await api.refusal(response)).toEqual({ status: 403, code: "origin_not_allowed" });
    }
    const credential = authenticator.register(await api.registerOptions(username));
    const body = { client_id: t.clientId, username, credential };
    const foreign = await api.call("registerComplete", body, "https://evil.example");
    expect(await api.refusal(foreign)).toEqual({ status: 403, code: "origin_not_allowed" });
    // Refused before the challenge was touched: the same body from the right origin succeeds.
    expect((await api.call("registerComplete", body)).status).toBe(200);
  });

  it("refuses a credential made on another origin or RP ID, or without user verification", async () => {
    for (const bad of [{ origin: "https://evil.example" }, { rpId: "evil.example" }, { userVerified: false }]) {
      const username = newName();
      const credential = new SoftAuthenticator(t.origin).register(await api.registerOptions(username), bad);
      const response = await api.call("registerComplete", { client_id: t.clientId, username, credential });
      expect(await api.refusal(response)).toEqual({ status: 400, code: "verification_failed" });
    }
  });

  it("refuses an unknown challenge, a replayed one, and one issued for another username or ceremony", async () => {
    const username = newName();
    const authenticator = new SoftAuthenticator(t.origin);
    const unknown = authenticator.register(await api.registerOptions(username), {
      challenge: Buffer.alloc(32, 7).toString("base64url"),
    });
    const complete = (body: Record<string, unknown>) =>
      api.call("registerComplete", { client_id: t.clientId, username, ...body });
    expect(await api.refusal(await complete({ credential: unknown }))).toEqual({
      status: 400,
      code: "invalid_challenge",
    });

    const credential = authenticator.register(await api.registerOptions(username));
    const other = await api.call("registerComplete", { client_id: t.clientId, username: newName(), credential });
    expect(await api.refusal(other)).toEqual({ status: 400, code: "invalid_challenge" });
    // The challenge was taken by the attempt above: single use even when the attempt fails.
    expect(await api.refusal(await complete({ credential }))).toMatchObject({ code: "invalid_challenge" });

    const fresh = authenticator.register(await api.registerOptions(username));
    expect((await complete({ credential: fresh })).status).toBe(200);
    const replayed = await complete({ credential: fresh });
    expect(await api.refusal(replayed)).toEqual({ status: 400, code: "invalid_challenge" });

    const signIn = authenticator.authenticate(await api.authenticateOptions(username));
    const asRegistration = {
      ...fresh,
      response: { ...fresh.response, clientDataJSON: signIn.response.clientDataJSON },
    };
    expect(await api.refusal(await complete({ credential: asRegistration }))).toEqual({
      status: 400,
      code: "invalid_challenge",
    });
  });

  it("refuses a replayed assertion and a signature counter that does not increase", async () => {
    const username = newName();
    const authenticator = new SoftAuthenticator(t.origin);
    await api.signUp(username, authenticator);
    const assertion = authenticator.authenticate(await api.authenticateOptions(username));
    const complete = (credential: unknown) =>
      api.call("authenticateComplete", { client_id: t.clientId, username, credential });
    expect((await complete(assertion)).status).toBe(200);
    expect(await api.refusal(await complete(assertion))).toEqual({ status: 400, code: "invalid_challenge" });

    const cloned = authenticator.authenticate(await api.authenticateOptions(username), { counter: 1 });
    expect(await api.refusal(await complete(cloned))).toEqual({ status: 400, code: "verification_failed" });
  });

  it("signs up only new usernames: an existing user answers 409 user_exists", async () => {
    const username = newName();
    await t.createUser(username);
    const response = await api.call("registerInit", { client_id: t.clientId, username });
    expect(await api.refusal(response)).toEqual({ status: 409, code: "user_exists" });

    const racing = newName();
    const first = new SoftAuthenticator(t.origin).register(await api.registerOptions(racing));
    const second = new SoftAuthenticator(t.origin).register(await api.registerOptions(racing));
    const complete = (credential: unknown) =>
      api.call("registerComplete", { client_id: t.clientId, username: racing, credential });
    expect((await complete(first)).status).toBe(200);
    expect(await api.refusal(await complete(second))).toEqual({ status: 409, code: "user_exists" });
  });

  it("refuses a credential id that is already registered", async () => {
    const authenticator = new SoftAuthenticator(t.origin);
    await api.signUp(newName(), authenticator);
    const username = newName();
    const credential = authenticator.register(await api.registerOptions(username));
    const response = await api.call("registerComplete", { client_id: t.clientId, username, credential });
    expect(await api.refusal(response)).toEqual({ status: 400, code: "verification_failed" });
  });

  it("refuses an assertion by a passkey of another account", async () => {
    const [alice, bob] = [newName(), newName()];
    const aliceKey = new SoftAuthenticator(t.origin);
    const bobKey = new SoftAuthenticator(t.origin);
    await api.signUp(alice, aliceKey);
    await api.signUp(bob, bobKey);
    const assertion = bobKey.authenticate(await api.authenticateOptions(alice));
    const response = await api.call("authenticateComplete", {
      client_id: t.clientId,
      username: alice,
      credential: assertion,
    });
    expect(await api.refusal(response)).toEqual({ status: 400, code: "verification_failed" });
  });
});

describe("expiry", () => {
  it("refuses a challenge answered after 5 minutes (400 invalid_challenge)", async () => {
    const username = newName();
    const credential = new SoftAuthenticator(clocked.origin).register(await clockedApi.registerOptions(username));
    now += 5 * 60_000 + 1;
    const response = await clockedApi.call("registerComplete", { client_id: clocked.clientId, username, credential });
    expect(await clockedApi.refusal(response)).toEqual({ status: 400, code: "invalid_challenge" });
  });
});
