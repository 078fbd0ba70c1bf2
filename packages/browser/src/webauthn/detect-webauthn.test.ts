import { afterEach, describe, expect, it, vi } from "vitest";
import { detectWebAuthn } from "./detect-webauthn.js";

afterEach(() => vi.unstubAllGlobals());

/** A stand-in `PublicKeyCredential` whose static methods must be called on it (as browsers require). */
function fakePublicKeyCredential(statics: Record<string, (() => Promise<boolean>) | undefined>) {
  function PublicKeyCredential() {}
  for (const [name, method] of Object.entries(statics)) {
    if (!method) continue;
    Object.defineProperty(PublicKeyCredential, name, {
      value: function (this: unknown) {
        if (this !== PublicKeyCredential) throw new TypeError("Illegal invocation");
        return method();
      },
    });
  }
  return PublicKeyCredential;
}

describe("detectWebAuthn", () => {
  it("reports no WebAuthn in a runtime without it (Node), without throwing", async () => {
    await expect(detectWebAuthn()).resolves.toEqual({
      webauthn: false,
      platformAuthenticator: false,
      conditionalMediation: false,
    });
  });

  it("asks PublicKeyCredential for a platform authenticator and for autofill", async () => {
    vi.stubGlobal(
      "PublicKeyCredential",
      fakePublicKeyCredential({
        isUserVerifyingPlatformAuthenticatorAvailable: async () => true,
        isConditionalMediationAvailable: async () => false,
      }),
    );
    await expect(detectWebAuthn()).resolves.toEqual({
      webauthn: true,
      platformAuthenticator: true,
      conditionalMediation: false,
    });
  });

  it("answers false for a check that is missing, rejects or throws, and never throws itself", async () => {
    vi.stubGlobal(
      "PublicKeyCredential",
      fakePublicKeyCredential({
        isUserVerifyingPlatformAuthenticatorAvailable: () => Promise.reject(new Error("NotAllowedError")),
        isConditionalMediationAvailable: undefined,
      }),
    );
    await expect(detectWebAuthn()).resolves.toEqual({
      webauthn: true,
      platformAuthenticator: false,
      conditionalMediation: false,
    });
    vi.stubGlobal(
      "PublicKeyCredential",
      fakePublicKeyCredential({
        isUserVerifyingPlatformAuthenticatorAvailable: () => {
          throw new Error("sync throw");
        },
        isConditionalMediationAvailable: async () => true,
      }),
    );
    await expect(detectWebAuthn()).resolves.toEqual({
      webauthn: true,
      platformAuthenticator: false,
      conditionalMediation: true,
    });
  });

  it("treats a PublicKeyCredential that is not a constructor as no WebAuthn", async () => {
    vi.stubGlobal("PublicKeyCredential", {});
    await expect(detectWebAuthn()).resolves.toMatchObject({ webauthn: false });
  });
});
