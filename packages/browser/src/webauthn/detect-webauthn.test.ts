import { expect, it } from "vitest";
import { detectWebAuthn } from "./detect-webauthn.js";

it("reports no WebAuthn in a runtime without it (Node), without throwing", async () => {
  await expect(detectWebAuthn()).resolves.toEqual({
    webauthn: false,
    platformAuthenticator: false,
    conditionalMediation: false,
  });
});
