import {
  browserSupportsWebAuthn,
  browserSupportsWebAuthnAutofill,
  platformAuthenticatorIsAvailable,
} from "@simplewebauthn/browser";

/** What this browser can do with passkeys. */
export interface WebAuthnSupport {
  /** The WebAuthn API exists and the context is secure. */
  webauthn: boolean;
  /** A built-in authenticator (Touch ID, Windows Hello, Android) is available. */
  platformAuthenticator: boolean;
  /** Passkeys can be offered in the username field's autofill. */
  conditionalMediation: boolean;
}

/**
 * Detects what this browser can do with passkeys. Never throws; in runtimes without WebAuthn
 * (Node, workers, old browsers) every field is `false`.
 *
 * @example
 * const support = await detectWebAuthn();
 * if (!support.webauthn) showUseOnceOption();
 */
export async function detectWebAuthn(): Promise<WebAuthnSupport> {
  const webauthn = browserSupportsWebAuthn();
  if (!webauthn) return { webauthn, platformAuthenticator: false, conditionalMediation: false };
  const [platformAuthenticator, conditionalMediation] = await Promise.all([
    platformAuthenticatorIsAvailable().catch(() => false),
    browserSupportsWebAuthnAutofill().catch(() => false),
  ]);
  return { webauthn, platformAuthenticator, conditionalMediation };
}
