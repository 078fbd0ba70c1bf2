import type { PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/browser";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { cdp, commands } from "vitest/browser";
import { deviceAuthenticator } from "../../test/virtual-authenticator.js";
import { type BrowserClient, createBrowserClient } from "../create-browser-client.js";
import { completeAddPasskey } from "./complete-add-passkey.js";

/*
 * completeAddPasskey end to end in headless Chromium: the backend starts the ceremony with a
 * `credentials.force_add` token (a vitest command, as `startAddPasskey` of @handoff/server does),
 * the real browser SDK finishes it against the real service with a CDP virtual authenticator.
 */

let client: BrowserClient;
let service: { baseUrl: string; clientId: string };
const authenticator = deviceAuthenticator();

/** A user the backend created, and the options its backend got for them from init/force. */
async function startedForNewUser() {
  const username = `add-passkey-${crypto.randomUUID()}@example.com`;
  const userId = await commands.handoffCreateUser(username);
  const options = (await commands.handoffStartAddPasskey(userId)) as PublicKeyCredentialCreationOptionsJSON;
  return { username, userId, options };
}

beforeAll(async () => {
  const { serviceUrl, clientId } = await commands.handoffService();
  service = { baseUrl: serviceUrl, clientId };
  client = createBrowserClient(service);
  await cdp().send("WebAuthn.enable", { enableUI: false });
});

afterEach(() => authenticator.remove());

afterAll(() => cdp().send("WebAuthn.disable"));

describe("completeAddPasskey in Chromium with a virtual authenticator", () => {
  it("registers the passkey the backend started, answers a session, and the passkey signs in", async () => {
    await authenticator.fresh();
    const { username, userId, options } = await startedForNewUser();
    const session = await client.completeAddPasskey({ options, credentialName: "Work laptop" });
    expect(session.user).toMatchObject({ id: userId, username });
    expect(session.credential).toMatchObject({ type: "fido2", name: "Work laptop" });
    expect(await commands.handoffVerifyJwt(session.jwt)).toMatchObject({ sub: userId, udata: username });
    expect(await authenticator.count()).toBe(1);
    const outbox = await commands.handoffOutbox();
    expect(outbox.at(-1)).toMatchObject({ to: username, subject: "A passkey was added to your account" });

    const signedIn = await client.signIn({ username });
    expect(signedIn.status).toBe("authenticated");
  });

  it("works as a standalone function too; the options are single use", async () => {
    await authenticator.fresh();
    const { userId, options } = await startedForNewUser();
    expect((await completeAddPasskey(service, { options })).user.id).toBe(userId);
    await authenticator.fresh();
    await expect(completeAddPasskey(service, { options })).rejects.toMatchObject({
      code: "invalid_challenge",
      status: 400,
    });
  });

  it("answers credential_exists on an authenticator that already holds a passkey of the account", async () => {
    await authenticator.fresh();
    const { userId, options } = await startedForNewUser();
    await client.completeAddPasskey({ options });
    const again = (await commands.handoffStartAddPasskey(userId)) as PublicKeyCredentialCreationOptionsJSON;
    await expect(client.completeAddPasskey({ options: again })).rejects.toMatchObject({ code: "credential_exists" });
    expect(await authenticator.count()).toBe(1);
  });

  it("refuses malformed options before any prompt or request, and honours an aborted signal", async () => {
    await authenticator.fresh();
    const { options } = await startedForNewUser();
    // Plain JavaScript callers can pass anything; these casts stand for them.
    const loose = <T>(value: unknown) => value as T;
    const bad = [
      () => client.completeAddPasskey(loose(undefined)),
      () => client.completeAddPasskey({ options: loose(undefined) }),
      () => client.completeAddPasskey({ options: loose({ ...options, challenge: "short" }) }),
      () => client.completeAddPasskey({ options: { ...options, user: { ...options.user, name: "" } } }),
      () => client.completeAddPasskey({ options, credentialName: "x".repeat(129) }),
    ];
    for (const call of bad) await expect(call()).rejects.toMatchObject({ code: "invalid_argument" });
    const controller = new AbortController();
    controller.abort();
    await expect(client.completeAddPasskey({ options, signal: controller.signal })).rejects.toMatchObject({
      code: "aborted",
    });
    expect(await authenticator.count()).toBe(0);
    // Nothing above spent the options.
    expect((await client.completeAddPasskey({ options })).credential.type).toBe("fido2");
  });
});
