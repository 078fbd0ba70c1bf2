import { expect, it } from "vitest";
import { detectWebAuthn } from "./detect-webauthn.js";

it("detects WebAuthn in headless Chromium on localhost", async () => {
  const support = await detectWebAuthn();
  expect(window.isSecureContext).toBe(true);
  expect(support.webauthn).toBe(true);
  expect(typeof support.platformAuthenticator).toBe("boolean");
  expect(support.conditionalMediation).toBe(true);
});
