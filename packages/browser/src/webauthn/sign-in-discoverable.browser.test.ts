import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { cdp, commands } from "vitest/browser";
import { addVirtualAuthenticator } from "../../test/virtual-authenticator.js";
import { type BrowserClient, createBrowserClient } from "../create-browser-client.js";

/*
 * Username-less and autofill (conditional mediation) passkey sign-in in headless Chromium, against
 * the real service, with a CDP virtual platform authenticator holding discoverable passkeys.
 */

let service: { baseUrl: string; clientId: string };
let client: BrowserClient;
let authenticatorId: string | undefined;
const newUsername = () => `discoverable-${crypto.randomUUID()}@example.com`;

/** A client whose requests are counted, and whose sign-in options may be rewritten on the way in. */
function countingClient(rewriteTimeoutMs?: number) {
  const inits: string[] = [];
  const counted = createBrowserClient({
    ...service,
    fetch: async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      const response = await fetch(input, init);
      if (!url.endsWith("/authenticate/fido2/init")) return response;
      inits.push(url);
      if (rewriteTimeoutMs === undefined) return response;
      const body = (await response.json()) as { options: Record<string, unknown> };
      body.options.timeout = rewriteTimeoutMs;
      return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
    },
  });
  return { client: counted, inits };
}

/**
 * An authenticator that waits for a touch that never comes: a conditional request stays pending
 * (with automatic presence, the virtual authenticator answers one at once, as a person picking
 * the passkey in the autofill would).
 */
async function untouchedAuthenticator(): Promise<void> {
  authenticatorId = await addVirtualAuthenticator();
  await cdp().send("WebAuthn.setAutomaticPresenceSimulation", { authenticatorId, enabled: false });
}

/** Puts the autofill field passkey autofill needs on the page; returns a function that removes it. */
function autofillField(): () => void {
  const input = document.createElement("input");
  input.setAttribute("autocomplete", "username webauthn");
  document.body.append(input);
  return () => input.remove();
}

beforeAll(async () => {
  const { serviceUrl, clientId } = await commands.handoffService();
  service = { baseUrl: serviceUrl, clientId };
  await cdp().send("WebAuthn.enable", { enableUI: false });
  client = createBrowserClient(service);
});

afterEach(async () => {
  if (authenticatorId) await cdp().send("WebAuthn.removeVirtualAuthenticator", { authenticatorId });
  authenticatorId = undefined;
});

afterAll(() => cdp().send("WebAuthn.disable"));

describe("username-less passkey sign-in in Chromium", () => {
  it("signs in without a username: the passkey picked names the account", async () => {
    authenticatorId = await addVirtualAuthenticator();
    const username = newUsername();
    const signedUp = await client.signUp({ username });
    const result = await client.signIn({});
    if (result.status !== "authenticated") expect.fail(`expected a session, got ${result.status}`);
    expect(result.session.user).toMatchObject({ id: signedUp.user.id, username });
    expect(await commands.handoffVerifyJwt(result.session.jwt)).toMatchObject({ sub: signedUp.user.id });
  });

  it("answers no_credential_on_device on a device without any passkey of the site", async () => {
    authenticatorId = await addVirtualAuthenticator();
    expect(await client.signIn({})).toEqual({ status: "no_credential_on_device", next: ["add_device", "use_once"] });
  });
});

describe("passkey autofill (conditional mediation) in Chromium", () => {
  it("is available here, and needs the autofill field: without it nothing is sent (invalid_argument)", async () => {
    authenticatorId = await addVirtualAuthenticator();
    expect(await PublicKeyCredential.isConditionalMediationAvailable?.()).toBe(true);
    const { client: counted, inits } = countingClient();
    await expect(counted.signIn({ autofill: true })).rejects.toMatchObject({ code: "invalid_argument" });
    await expect(counted.signIn({ autofill: true, username: "ada@example.com" })).rejects.toMatchObject({
      code: "invalid_argument",
    });
    expect(inits).toEqual([]);
  });

  it("signs in with the passkey picked in the autofill", async () => {
    authenticatorId = await addVirtualAuthenticator();
    const username = newUsername();
    const { user } = await client.signUp({ username });
    const removeField = autofillField();
    try {
      const result = await client.signIn({ autofill: true });
      expect(result.status === "authenticated" && result.session.user).toMatchObject({ id: user.id, username });
    } finally {
      removeField();
    }
  });

  it("stays pending until aborted, then rejects with aborted", async () => {
    await untouchedAuthenticator();
    const removeField = autofillField();
    try {
      const { client: counted, inits } = countingClient();
      const controller = new AbortController();
      const pending = counted.signIn({ autofill: true, signal: controller.signal });
      const outcome = pending.then(
        () => "settled",
        (error: unknown) => error,
      );
      await expect.poll(() => inits.length).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await Promise.race([outcome, Promise.resolve("pending")])).toBe("pending");
      controller.abort();
      expect(await outcome).toMatchObject({ code: "aborted" });
    } finally {
      removeField();
    }
  });

  it("a modal sign-in replaces a pending autofill one (webauthn_cancelled)", async () => {
    await untouchedAuthenticator();
    const removeField = autofillField();
    try {
      const { client: counted, inits } = countingClient();
      const autofill = counted.signIn({ autofill: true }).catch((error: unknown) => error);
      await expect.poll(() => inits.length).toBe(1);
      const controller = new AbortController();
      const modal = client.signIn({ signal: controller.signal }).catch((error: unknown) => error);
      expect(await autofill).toMatchObject({ code: "webauthn_cancelled" });
      controller.abort();
      expect(await modal).toMatchObject({ code: "aborted" });
    } finally {
      removeField();
    }
  });

  it("asks for a fresh challenge before the pending one expires, unseen", async () => {
    await untouchedAuthenticator();
    const removeField = autofillField();
    try {
      // Options that say their challenge lasts 400 ms: renewed at 90 % of that.
      const { client: counted, inits } = countingClient(400);
      const controller = new AbortController();
      const outcome = counted.signIn({ autofill: true, signal: controller.signal }).catch((error: unknown) => error);
      await expect.poll(() => inits.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(3);
      controller.abort();
      expect(await outcome).toMatchObject({ code: "aborted" });
    } finally {
      removeField();
    }
  });

  it("throws webauthn_unsupported where the browser has no conditional mediation, before sending anything", async () => {
    const removeField = autofillField();
    const original = Object.getOwnPropertyDescriptor(PublicKeyCredential, "isConditionalMediationAvailable");
    Object.defineProperty(PublicKeyCredential, "isConditionalMediationAvailable", {
      value: async () => false,
      configurable: true,
    });
    try {
      const { client: counted, inits } = countingClient();
      await expect(counted.signIn({ autofill: true })).rejects.toMatchObject({ code: "webauthn_unsupported" });
      expect(inits).toEqual([]);
    } finally {
      if (original) Object.defineProperty(PublicKeyCredential, "isConditionalMediationAvailable", original);
      removeField();
    }
  });
});
