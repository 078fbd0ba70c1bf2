import {
  browserSupportsWebAuthn,
  browserSupportsWebAuthnAutofill,
  platformAuthenticatorIsAvailable,
} from "@simplewebauthn/browser";
import { afterAll, expect, it } from "vitest";
import { cdp } from "vitest/browser";
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
  await cdp().send("WebAuthn.enable", { enableUI: false });
  const { authenticatorId } = (await cdp().send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  })) as { authenticatorId: string };
  try {
    const support = await detectWebAuthn();
    expect(support).toEqual({ webauthn: true, platformAuthenticator: true, conditionalMediation: true });
    expect(support).toEqual(await simpleWebAuthnAnswers());
  } finally {
    await cdp().send("WebAuthn.removeVirtualAuthenticator", { authenticatorId });
  }
});
