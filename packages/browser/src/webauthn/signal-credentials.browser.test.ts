import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { cdp, commands } from "vitest/browser";
import { addVirtualAuthenticator } from "../../test/virtual-authenticator.js";
import { type BrowserClient, createBrowserClient } from "../create-browser-client.js";
import { signalAcceptedCredentials, signalCurrentUser, signalUnknownCredential } from "./signal-credentials.js";

/*
 * The WebAuthn Signal API in headless Chromium: the SDK calls the browser's methods with the right
 * arguments (spied on in the page), and does nothing where they are missing.
 */

type SignalMethod = "signalUnknownCredential" | "signalAllAcceptedCredentials" | "signalCurrentUserDetails";

let client: BrowserClient;
let authenticatorId: string | undefined;
const restore: (() => void)[] = [];

/** Replaces a static method of `PublicKeyCredential` for this test; returns the calls it records. */
function spyOn(method: SignalMethod): unknown[] {
  const calls: unknown[] = [];
  const original = Object.getOwnPropertyDescriptor(PublicKeyCredential, method);
  Object.defineProperty(PublicKeyCredential, method, {
    value: async (options: unknown) => {
      calls.push(options);
    },
    configurable: true,
    writable: true,
  });
  restore.push(() => {
    if (original) Object.defineProperty(PublicKeyCredential, method, original);
    else Reflect.deleteProperty(PublicKeyCredential, method);
  });
  return calls;
}

/** Removes a static method of `PublicKeyCredential` for this test, as in a browser without it. */
function remove(method: SignalMethod): void {
  const original = Object.getOwnPropertyDescriptor(PublicKeyCredential, method);
  Reflect.deleteProperty(PublicKeyCredential, method);
  restore.push(() => {
    if (original) Object.defineProperty(PublicKeyCredential, method, original);
  });
}

const handleOf = (userId: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(userId)))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");

/** A user with a passkey on the virtual authenticator, whose passkey the backend then revokes. */
async function revokedPasskey() {
  authenticatorId = await addVirtualAuthenticator();
  const session = await client.signUp({ username: `signal-${crypto.randomUUID()}@example.com` });
  const { credentials } = (await cdp().send("WebAuthn.getCredentials", { authenticatorId })) as {
    credentials: { credentialId: string }[];
  };
  // CDP gives the id in base64; the service and WebAuthn's JSON use base64url.
  const credentialId = (credentials[0]?.credentialId ?? "").replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  await commands.handoffRevokeCredential({ userId: session.user.id, credentialId });
  return { session, credentialId };
}

beforeAll(async () => {
  const { serviceUrl, clientId } = await commands.handoffService();
  client = createBrowserClient({ baseUrl: serviceUrl, clientId });
  await cdp().send("WebAuthn.enable", { enableUI: false });
});

afterEach(async () => {
  for (const undo of restore.splice(0).reverse()) undo();
  if (authenticatorId) await cdp().send("WebAuthn.removeVirtualAuthenticator", { authenticatorId });
  authenticatorId = undefined;
});

afterAll(() => cdp().send("WebAuthn.disable"));

describe("the WebAuthn Signal API in Chromium", () => {
  it("Chromium has the three signal methods", () => {
    for (const method of ["signalUnknownCredential", "signalAllAcceptedCredentials", "signalCurrentUserDetails"]) {
      expect(typeof Reflect.get(PublicKeyCredential, method), method).toBe("function");
    }
  });

  it("a sign-in with a revoked passkey tells the browser to forget it, and offers the alternatives", async () => {
    const { credentialId } = await revokedPasskey();
    const calls = spyOn("signalUnknownCredential");
    expect(await client.signIn({})).toEqual({ status: "no_credential_on_device", next: ["add_device", "use_once"] });
    expect(calls).toEqual([{ rpId: "localhost", credentialId }]);
  });

  it("without the Signal API, the same sign-in is the same answer and nothing throws", async () => {
    await revokedPasskey();
    remove("signalUnknownCredential");
    expect(await client.signIn({})).toEqual({ status: "no_credential_on_device", next: ["add_device", "use_once"] });
  });

  it("signalAcceptedCredentials and signalCurrentUser pass the user handle, the ids and the names", async () => {
    const accepted = spyOn("signalAllAcceptedCredentials");
    const details = spyOn("signalCurrentUserDetails");
    const userId = crypto.randomUUID();
    expect(await client.signalAcceptedCredentials({ userId, credentialIds: ["AAEC", "AwQF"] })).toBe(true);
    expect(await signalCurrentUser({ userId, name: "ada@example.com", rpId: "localhost" })).toBe(true);
    expect(await client.signalCurrentUser({ userId, name: "ada@example.com", displayName: "Ada" })).toBe(true);
    expect(accepted).toEqual([
      { rpId: location.hostname, userId: handleOf(userId), allAcceptedCredentialIds: ["AAEC", "AwQF"] },
    ]);
    expect(details).toEqual([
      { rpId: "localhost", userId: handleOf(userId), name: "ada@example.com", displayName: "ada@example.com" },
      { rpId: location.hostname, userId: handleOf(userId), name: "ada@example.com", displayName: "Ada" },
    ]);
    const unknown = spyOn("signalUnknownCredential");
    expect(await signalUnknownCredential({ credentialId: "AAEC" })).toBe(true);
    expect(unknown).toEqual([{ rpId: location.hostname, credentialId: "AAEC" }]);
  });

  it("answers false where the browser has no Signal API, and checks arguments first", async () => {
    remove("signalAllAcceptedCredentials");
    remove("signalCurrentUserDetails");
    remove("signalUnknownCredential");
    const userId = crypto.randomUUID();
    expect(await signalAcceptedCredentials({ userId, credentialIds: [] })).toBe(false);
    expect(await signalCurrentUser({ userId, name: "ada@example.com" })).toBe(false);
    expect(await signalUnknownCredential({ credentialId: "AAEC" })).toBe(false);
    await expect(signalAcceptedCredentials({ userId, credentialIds: ["not base64url!"] })).rejects.toMatchObject({
      code: "invalid_argument",
    });
    await expect(signalCurrentUser({ userId: "", name: "ada" })).rejects.toMatchObject({ code: "invalid_argument" });
    await expect(signalUnknownCredential({ credentialId: "AAEC", rpId: "" })).rejects.toMatchObject({
      code: "invalid_argument",
    });
  });

  it("a real call for another site's RP ID is refused by the browser (webauthn_security_error)", async () => {
    await expect(
      signalCurrentUser({ userId: crypto.randomUUID(), name: "ada@example.com", rpId: "example.com" }),
    ).rejects.toMatchObject({ code: "webauthn_security_error" });
  });
});
