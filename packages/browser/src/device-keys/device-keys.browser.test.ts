import { isHandoffError } from "@handoff/types";
import { describe, expect, it } from "vitest";
import { commands } from "vitest/browser";
import { createBrowserClient } from "../create-browser-client.js";
import { deviceKeySlot, loadDeviceKey } from "./device-key-store.js";

const { serviceUrl, clientId } = await commands.handoffService();
const client = createBrowserClient({ baseUrl: serviceUrl, clientId });
const freshEmail = (label: string) => `${label}-${crypto.randomUUID().slice(0, 8)}@example.com`;

/** The code of the newest security-code mail to `email`, read from the service's outbox. */
async function mailedCode(email: string): Promise<string> {
  const outbox = await commands.handoffOutbox();
  const mail = outbox.findLast((m) => m.to === email && m.subject === "Your security code");
  const code = mail?.text.match(/Your security code is: (\S+)/)?.[1];
  if (!code) throw new Error(`no security code mailed to ${email}`);
  return code;
}

async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return isHandoffError(error) ? error.code : `not a HandoffError: ${String(error)}`;
  }
  return "resolved";
}

describe("add device with a device key, in a real browser against a real service", () => {
  it("requestDeviceCode → emailed code → addDeviceKey → signInWithDeviceKey gives a verifiable session", async () => {
    const email = freshEmail("device");
    const { securityNonce } = await client.requestDeviceCode({ email });
    expect(securityNonce).toMatch(/^v1\./);
    const securityCode = await mailedCode(email);

    const registered = await client.addDeviceKey({
      email,
      securityCode: ` ${securityCode.toUpperCase()} `,
      securityNonce,
    });
    expect(registered.user.email).toBe(email);
    expect(registered.key).toMatchObject({ keyType: "ec", signatureAlgorithm: "ES256", keyLength: 256 });

    const session = await client.signInWithDeviceKey({ email: email.toUpperCase() });
    expect(session).toMatchObject({
      isAuthenticated: true,
      user: { id: registered.user.id, username: email },
      client: { id: clientId },
      credential: { uuid: registered.key.id, type: "device_key", name: navigator.userAgent.slice(0, 256) },
    });
    const claims = await commands.handoffVerifyJwt(session.jwt);
    expect(claims).toMatchObject({ sub: registered.user.id, udata: email, aud: clientId });
  });

  it("keeps the private key non-extractable in IndexedDB", async () => {
    const email = freshEmail("extract");
    await client.requestDeviceCode({ email });
    const registered = await client.addDeviceKey({ email, securityCode: await mailedCode(email), deviceInfo: "Test" });
    const stored = await loadDeviceKey(deviceKeySlot(serviceUrl, clientId, email));
    expect(stored?.keyId).toBe(registered.key.id);
    const privateKey = stored?.privateKey;
    if (!privateKey) throw new Error("no stored key");
    expect(privateKey.extractable).toBe(false);
    expect(privateKey.algorithm).toMatchObject({ name: "ECDSA", namedCurve: "P-256" });
    for (const format of ["pkcs8", "jwk"] as const) {
      await expect(crypto.subtle.exportKey(format, privateKey)).rejects.toThrow();
    }
  });

  it("a wrong code is refused and nothing is stored; an unknown email has no device key", async () => {
    const email = freshEmail("wrong");
    await client.requestDeviceCode({ email });
    const code = await mailedCode(email);
    expect(await rejection(client.addDeviceKey({ email, securityCode: `${code}0` }))).toBe("invalid_code");
    expect(await loadDeviceKey(deviceKeySlot(serviceUrl, clientId, email))).toBeUndefined();
    expect(await rejection(client.signInWithDeviceKey({ email }))).toBe("no_device_key");
  });

  it("checks arguments before sending anything, and honours an aborted signal", async () => {
    expect(await rejection(client.requestDeviceCode({ email: "not an email" }))).toBe("invalid_argument");
    expect(await rejection(client.addDeviceKey({ email: freshEmail("arg"), securityCode: "  " }))).toBe(
      "invalid_argument",
    );
    const aborted = AbortSignal.abort();
    expect(await rejection(client.requestDeviceCode({ email: freshEmail("abort"), signal: aborted }))).toBe("aborted");
  });
});
