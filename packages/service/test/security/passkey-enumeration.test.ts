import { describe, expect, it } from "vitest";
import { useService } from "../helpers.js";
import { passkeyCalls } from "../passkey-calls.js";
import { SoftAuthenticator } from "../soft-authenticator.js";

/*
 * Passkey sign-in and user enumeration (docs/contract.md#passkeys-webauthn): by default
 * `authenticate/fido2/init` answers every username alike; `revealPasskeyUsers: true` keeps the
 * LoginID-style answer that lists a user's passkeys.
 */

const t = await useService();
const api = passkeyCalls(t);
const newName = (label: string) => `${label}-${crypto.randomUUID()}@example.com`;

/** What an observer of an init answer can compare: status, header names, body keys and option keys. */
async function initShape(username: string) {
  const response = await api.call("authenticateInit", { client_id: t.clientId, username });
  const names = [...response.headers.keys()].filter(
    (name) => !["date", "x-request-id", "content-length"].includes(name),
  );
  const body = (await response.json()) as { options: Record<string, unknown> };
  const { challenge, ...options } = body.options;
  return { status: response.status, headers: names.sort(), keys: Object.keys(body).sort(), options };
}

describe("by default, passkey sign-in does not tell who has an account", () => {
  it("answers an unknown username, a user without passkeys and a user with one the same way", async () => {
    const withPasskey = newName("with");
    await api.signUp(withPasskey, new SoftAuthenticator(t.origin));
    const withoutPasskey = newName("without");
    await t.createUser(withoutPasskey);
    const shapes = await Promise.all([withPasskey, withoutPasskey, newName("nobody")].map(initShape));
    expect(shapes[1]).toEqual(shapes[0]);
    expect(shapes[2]).toEqual(shapes[0]);
    expect(shapes[0]).toMatchObject({ status: 200, keys: ["options"] });
    expect(shapes[0]?.options).not.toHaveProperty("allowCredentials");
  });

  it("a passkey answering an unknown username fails at complete exactly like a wrong passkey for a known user", async () => {
    const known = newName("known");
    const owner = new SoftAuthenticator(t.origin);
    await api.signUp(known, owner);
    const intruder = new SoftAuthenticator(t.origin);
    await api.signUp(newName("intruder"), intruder);
    const answers = [];
    for (const username of [known, newName("unknown")]) {
      const credential = intruder.authenticate(await api.authenticateOptions(username));
      const response = await api.call("authenticateComplete", { client_id: t.clientId, username, credential });
      answers.push({ status: response.status, body: await response.json() });
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[0]).toMatchObject({ status: 400, body: { code: "verification_failed" } });
    // The owner's passkey still signs in by name.
    expect((await api.signIn(known, owner)).user.username).toBe(known);
  });
});

describe("revealPasskeyUsers: true (LoginID-style)", async () => {
  const revealing = await useService({ revealPasskeyUsers: true });
  const calls = passkeyCalls(revealing);

  it("lists the user's passkeys, and answers an unknown user and a user without passkeys with 404 no_credentials", async () => {
    const username = newName("listed");
    const authenticator = new SoftAuthenticator(revealing.origin);
    await calls.signUp(username, authenticator);
    const options = await calls.authenticateOptions(username);
    expect(options.allowCredentials?.map((descriptor) => descriptor.id)).toEqual([authenticator.credentialId]);
    expect((await calls.signIn(username, authenticator)).user.username).toBe(username);

    const known = newName("bare");
    await revealing.createUser(known);
    const answers = [];
    for (const name of [known, newName("nobody")]) {
      const response = await calls.call("authenticateInit", { client_id: revealing.clientId, username: name });
      answers.push({ status: response.status, body: await response.json() });
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]).toMatchObject({ status: 404, body: { code: "no_credentials" } });
  });

  it("username-less sign-in works alike and reveals nobody", async () => {
    const authenticator = new SoftAuthenticator(revealing.origin);
    const { user } = await calls.signUp(newName("discoverable"), authenticator);
    expect((await calls.authenticateOptions()).allowCredentials).toBeUndefined();
    expect((await calls.signInWithoutUsername(authenticator)).user.id).toBe(user.id);
  });
});

describe("passkey inits are limited per address", () => {
  it("maxPasskeyInitsPerAddress sign-in and sign-up inits from one address, then 429 with Retry-After; other addresses are not affected", async () => {
    const strict = await useService({ maxPasskeyInitsPerAddress: 3, trustProxy: true });
    const calls = passkeyCalls(strict);
    const from = (address: string, path: "authenticateInit" | "registerInit", username?: string) =>
      strict.post(
        path === "authenticateInit" ? "/api/native/authenticate/fido2/init" : "/api/native/register/fido2/init",
        { client_id: strict.clientId, username },
        { headers: { origin: strict.origin, "x-forwarded-for": address } },
      );
    const address = "203.0.113.7";
    expect((await from(address, "authenticateInit")).status).toBe(200);
    expect((await from(address, "authenticateInit", newName("named"))).status).toBe(200);
    expect((await from(address, "registerInit", newName("new"))).status).toBe(200);
    const refused = await from(address, "authenticateInit");
    expect(await calls.refusal(refused.clone())).toEqual({ status: 429, code: "too_many_attempts" });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await from(address, "registerInit", newName("late"))).status).toBe(429);
    // An IPv6 address counts as its /64; another address starts afresh.
    expect((await from("2001:db8::1", "authenticateInit")).status).toBe(200);
    expect((await from("198.51.100.9", "authenticateInit")).status).toBe(200);
  });
});
