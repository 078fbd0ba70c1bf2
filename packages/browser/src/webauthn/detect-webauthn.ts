/** What this browser can do with passkeys. */
export interface WebAuthnSupport {
  /** The WebAuthn API exists and the context is secure. */
  webauthn: boolean;
  /** A built-in authenticator (Touch ID, Windows Hello, Android) is available. */
  platformAuthenticator: boolean;
  /** Passkeys can be offered in the username field's autofill. */
  conditionalMediation: boolean;
}

/** The static methods of `PublicKeyCredential` that detection asks; either may be missing. */
interface PublicKeyCredentialStatics {
  isUserVerifyingPlatformAuthenticatorAvailable?: () => Promise<boolean>;
  isConditionalMediationAvailable?: () => Promise<boolean>;
}

/** Whether a capability check answered `true`; a missing method, a throw or a rejection is `false`. */
async function answersTrue(check: () => Promise<boolean> | undefined): Promise<boolean> {
  try {
    return (await check()) === true;
  } catch {
    return false;
  }
}

/**
 * Detects what this browser can do with passkeys. Never throws; in runtimes without WebAuthn
 * (Node, workers, old browsers, pages that are not a secure context) every field is `false`.
 *
 * The checks are those of @simplewebauthn/browser's `browserSupportsWebAuthn`,
 * `platformAuthenticatorIsAvailable` and `browserSupportsWebAuthnAutofill`, written out here:
 * importing that package's entry would, under code splitting, put its ceremonies in the core
 * bundle (it does not declare itself free of side effects).
 *
 * @example
 * const support = await detectWebAuthn();
 * if (!support.webauthn) showUseOnceOption();
 */
export async function detectWebAuthn(): Promise<WebAuthnSupport> {
  // `PublicKeyCredential` is only exposed in secure contexts, like the rest of WebAuthn.
  const credential: unknown = (globalThis as { PublicKeyCredential?: unknown }).PublicKeyCredential;
  if (typeof credential !== "function") {
    return { webauthn: false, platformAuthenticator: false, conditionalMediation: false };
  }
  const statics = credential as PublicKeyCredentialStatics;
  const [platformAuthenticator, conditionalMediation] = await Promise.all([
    answersTrue(() => statics.isUserVerifyingPlatformAuthenticatorAvailable?.()),
    answersTrue(() => statics.isConditionalMediationAvailable?.()),
  ]);
  return { webauthn: true, platformAuthenticator, conditionalMediation };
}
