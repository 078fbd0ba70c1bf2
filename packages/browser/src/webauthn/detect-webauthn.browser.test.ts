import {
  browserSupportsWebAuthn,
  browserSupportsWebAuthnAutofill,
  platformAuthenticatorIsAvailable,
} from "@simplewebauthn/browser";
import { afterAll, expect, it } from "vitest";
import { cdp } from "vitest/browser";
import { addVirtualAuthenticator } from "../../test/virtual-authenticator.js";
import { detectWebAuthn } from "./detect-webauthn.js";

/** What @simplewebauthn/browser's helpers answer, for comparison. */
async function simpleWebAuthnAnswers() {
  return {
    webauthn: browserSupportsWebAuthn(),
    platformAuthenticator: await platformAuthenticatorIsAvailable(),
    conditionalMediation: await browserSupportsWebAuthnAutofill(),
  };
}

afterAll(() => cdp().send("WebAuthn.disable"));

it("detects WebAuthn in headless Chromium on localhost", async () => {
  const support = await detectWebAuthn();
  expect(window.isSecureContext).toBe(true);
  expect(support.webauthn).toBe(true);
  expect(typeof support.platformAuthenticator).toBe("boolean");
  expect(support.conditionalMediation).toBe(true);
  expect(support).toEqual(await simpleWebAuthnAnswers());
});

it("sees a platform authenticator when one is present, as @simplewebauthn/browser does", async () => {
  const authenticatorId = await addVirtualAuthenticator();
  try {
    const support = await detectWebAuthn();
    expect(support).toEqual({ webauthn: true, platformAuthenticator: true, conditionalMediation: true });
    expect(support).toEqual(await simpleWebAuthnAnswers());
  } finally {
    await cdp().send("WebAuthn.removeVirtualAuthenticator", { authenticatorId });
  }
});
