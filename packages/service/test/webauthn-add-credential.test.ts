import { describe, expect, it } from "vitest";
import { useService } from "./helpers.js";
import { passkeyCalls } from "./passkey-calls.js";
import { SoftAuthenticator } from "./soft-authenticator.js";

const t = await useService();
const api = passkeyCalls(t);
let serial = 0;

/** A user signed up with a first passkey. */
async function existingUser() {
  const username = `add-${++serial}-${crypto.randomUUID()}@example.com`;
  const first = new SoftAuthenticator(t.origin);
  const session = await api.signUp(username, first);
  return { username, userId: session.user.id, first };
}

const addInit = (username: string, code: string, type = "phrase") =>
  api.call("addInit", { client_id: t.clientId, username, authentication_code: { code, type } });

describe("adding a passkey with an authorized add_credential code", () => {
  it("registers a second passkey, consumes the code, and both passkeys sign in", async () => {
    const { username, userId, first } = await existingUser();
    const code = await api.generateAddCode(userId, true);
    const options = await api.addOptions(username, code);
    expect(options.excludeCredentials?.map((descriptor) => descriptor.id)).toEqual([first.credentialId]);
    expect(options.authenticatorSelection?.userVerification).toBe("required");
    const second = new SoftAuthenticator(t.origin);
    const response = await api.call("addComplete", {
      client_id: t.clientId,
      username,
      credential: second.register(options),
      credential_name: "Laptop",
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      user: { id: userId },
      credential: { type: "fido2", name: "Laptop" },
    });
    expect((await api.signIn(username, second)).user.id).toBe(userId);
    expect((await api.signIn(username, first)).user.id).toBe(userId);
    expect(t.service.outbox.at(-1)).toMatchObject({ to: username, subject: "A passkey was added to your account" });

    expect(await api.refusal(await addInit(username, code))).toEqual({ status: 400, code: "invalid_code" });
  });

  it("refuses a right code that was not authorized, without consuming it", async () => {
    const { username, userId } = await existingUser();
    const code = await api.generateAddCode(userId, false);
    expect(await api.refusal(await addInit(username, code))).toEqual({ status: 400, code: "invalid_code" });
    const authorized = await t.post(
      "/api/native/codes/phrase/authorize",
      { client_id: t.clientId, user_id: userId, purpose: "add_credential", code },
      { token: await t.token("codes.authorize") },
    );
    expect(authorized.status).toBe(200);
    expect((await addInit(username, code)).status).toBe(200);
  });

  it("keeps the code when complete fails, and spends it only on success", async () => {
    const { username, userId } = await existingUser();
    const code = await api.generateAddCode(userId, true);
    const authenticator = new SoftAuthenticator(t.origin);
    const bad = authenticator.register(await api.addOptions(username, code), { origin: "https://evil.example" });
    const refused = await api.call("addComplete", { client_id: t.clientId, username, credential: bad });
    expect(await api.refusal(refused)).toEqual({ status: 400, code: "verification_failed" });
    const good = authenticator.register(await api.addOptions(username, code));
    expect((await api.call("addComplete", { client_id: t.clientId, username, credential: good })).status).toBe(200);
  });

  it("refuses the complete when the code was used by another ceremony in between", async () => {
    const { username, userId } = await existingUser();
    const code = await api.generateAddCode(userId, true);
    const [one, two] = [new SoftAuthenticator(t.origin), new SoftAuthenticator(t.origin)];
    const first = one.register(await api.addOptions(username, code));
    const second = two.register(await api.addOptions(username, code));
    expect((await api.call("addComplete", { client_id: t.clientId, username, credential: first })).status).toBe(200);
    const late = await api.call("addComplete", { client_id: t.clientId, username, credential: second });
    expect(await api.refusal(late)).toEqual({ status: 400, code: "invalid_code" });
  });

  it("counts wrong codes against the caller's address and answers unknown users alike", async () => {
    const strict = await useService({ maxFailedAttemptsPerAddress: 3, trustProxy: true });
    const strictApi = passkeyCalls(strict);
    const username = `strict-${crypto.randomUUID()}@example.com`;
    const session = await strictApi.signUp(username, new SoftAuthenticator(strict.origin));
    const code = await strictApi.generateAddCode(session.user.id, true);
    const from = (address: string, name: string, value: string) =>
      strict.post(
        "/api/native/credentials/fido2/init",
        { client_id: strict.clientId, username: name, authentication_code: { code: value, type: "phrase" } },
        { headers: { origin: strict.origin, "x-forwarded-for": address } },
      );
    // Three wrong codes (maxFailedAttemptsPerAddress: 3), one of them for a username nobody has.
    for (const name of [username, "nobody@example.com", username]) {
      expect(await api.refusal(await from("203.0.113.9", name, "wrong999"))).toEqual({
        status: 400,
        code: "invalid_code",
      });
    }
    const locked = await from("203.0.113.9", username, code);
    expect(await api.refusal(locked)).toEqual({ status: 429, code: "too_many_attempts" });
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another address is not locked out, and the code survived the guesses.
    expect((await from("198.51.100.4", username, code)).status).toBe(200);
    const unknown = await from("198.51.100.4", "nobody@example.com", code);
    expect(await api.refusal(unknown)).toEqual({ status: 400, code: "invalid_code" });
  });

  it("refuses a code of the other purpose, and a registration challenge as an add-credential one", async () => {
    const { username, userId } = await existingUser();
    const response = await t.post(
      "/api/native/codes/phrase/generate",
      { client_id: t.clientId, user_id: userId, purpose: "temporary_authentication", authorize: true },
      { token: await t.token("codes.generate") },
    );
    const { code } = (await response.json()) as { code: string };
    expect(await api.refusal(await addInit(username, code))).toEqual({ status: 400, code: "invalid_code" });

    const signUp = new SoftAuthenticator(t.origin).register(await api.registerOptions(`${username}.new`));
    const crossed = await api.call("addComplete", { client_id: t.clientId, username, credential: signUp });
    expect(await api.refusal(crossed)).toEqual({ status: 400, code: "invalid_challenge" });
  });
});
