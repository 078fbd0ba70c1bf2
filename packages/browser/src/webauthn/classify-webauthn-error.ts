import { HandoffError, isHandoffError } from "@handoff/types/core/errors";
import { browserSupportsWebAuthn } from "@simplewebauthn/browser";

/** What was going on when a WebAuthn call failed; every field sharpens the classification. */
export interface WebAuthnErrorContext {
  /** `"registration"` (`create()`) or `"authentication"` (`get()`). Default: unknown. */
  ceremony?: "registration" | "authentication";
  /** The caller's signal: when it has aborted, the error is `aborted`. */
  signal?: AbortSignal | undefined;
  /** How long the ceremony ran, in milliseconds. */
  elapsedMs?: number;
  /** The ceremony's `timeout`, in milliseconds. */
  timeoutMs?: number | undefined;
}

/** The DOM exception name behind an error from `navigator.credentials` or @simplewebauthn/browser. */
function domName(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  // @simplewebauthn/browser's WebAuthnError keeps the DOMException as `cause` and its name.
  const cause = (error as { cause?: unknown }).cause;
  if (typeof cause === "object" && cause !== null && typeof (cause as { name?: unknown }).name === "string") {
    const name = (cause as { name: string }).name;
    if (name !== "Error") return name;
  }
  const name = (error as { name?: unknown }).name;
  return typeof name === "string" ? name : undefined;
}

/**
 * Turns a failure of a passkey ceremony (a DOMException from `navigator.credentials.create()` /
 * `get()`, or @simplewebauthn/browser's `WebAuthnError` around one) into a {@link HandoffError}
 * with a stable code, the original error as `cause` and its name in `details.name`. Modelled on
 * SimpleWebAuthn's `identifyAuthenticationError`; the steps cited are those of WebAuthn Level 2
 * (W3C Recommendation, 2021), by section anchor: `#sctn-createCredential` (`create()`),
 * `#sctn-discover-from-external-source` (`get()`), and the authenticator operations
 * `#sctn-op-make-cred` and `#sctn-op-get-assertion`.
 *
 * - `aborted`: the caller's signal aborted.
 * - `webauthn_cancelled`: the prompt was dismissed, or another ceremony replaced this one.
 * - `webauthn_timeout`: the ceremony's timeout passed.
 * - `no_credential_on_device`: `get()` failed with `NotAllowedError`. The spec makes "none of the
 *   allowed credentials is here" and "the person cancelled" look the same
 *   (`#sctn-assertion-privacy`), so the
 *   answer for both is to offer add device or use once.
 * - `credential_exists`: this authenticator already holds a passkey for the account.
 * - `webauthn_security_error`: the RP ID does not fit this page, or the context is not secure.
 * - `webauthn_unsupported`: no WebAuthn here, or no authenticator that can do what was asked.
 *
 * A {@link HandoffError} is returned as it is.
 *
 * @example
 * try {
 *   await startAuthentication({ optionsJSON });
 * } catch (error) {
 *   const classified = classifyWebAuthnError(error, { ceremony: "authentication" });
 *   if (classified.code === "no_credential_on_device") offerAddDeviceOrUseOnce();
 * }
 */
export function classifyWebAuthnError(error: unknown, context: WebAuthnErrorContext = {}): HandoffError {
  if (isHandoffError(error)) return error;
  const name = domName(error);
  const make = (code: ConstructorParameters<typeof HandoffError>[0], message?: string) =>
    new HandoffError(code, message, { cause: error, details: { name: name ?? "unknown" } });

  if (context.signal?.aborted) return make("aborted");
  switch (name) {
    case "AbortError":
      // createCredential step 16, discover-from-external-source step 12 (and step 20 / 17 while
      // waiting): the ceremony's signal aborted. Not the caller's (checked above), so another
      // ceremony replaced this one (@simplewebauthn/browser aborts the previous call).
      return make("webauthn_cancelled", "The passkey prompt was replaced by another one.");
    case "InvalidStateError":
      // createCredential step 20, op-make-cred step 3: an authenticator holding a credential
      // listed in `excludeCredentials` was chosen.
      return make("credential_exists", "This device already has a passkey for this account.");
    case "NotAllowedError": {
      // createCredential step 20 (cancelled) and step 21 (lifetimeTimer expired);
      // discover-from-external-source step 17 (cancelled, or "no eligible credential could be
      // found" for `allowCredentials`, acknowledged by the person) and step 18 (lifetimeTimer
      // expired). #sctn-assertion-privacy forbids telling "none here" from "cancelled".
      const { elapsedMs, timeoutMs } = context;
      if (elapsedMs !== undefined && timeoutMs !== undefined && elapsedMs >= timeoutMs) {
        return make("webauthn_timeout", "The passkey prompt timed out.");
      }
      if (context.ceremony === "authentication") {
        return make("no_credential_on_device", "No passkey for this account on this device, or the prompt was closed.");
      }
      return make("webauthn_cancelled", "The passkey prompt was cancelled.");
    }
    case "TimeoutError":
      return make("webauthn_timeout", "The passkey prompt timed out.");
    case "SecurityError":
      // createCredential steps 7–8, discover-from-external-source steps 5–6: the effective
      // domain is not a valid domain, or the RP ID is not a registrable suffix of it.
      return make("webauthn_security_error", "The browser refused the passkey ceremony for this site.");
    case "NotSupportedError":
    case "ConstraintError":
    case "UnknownError":
      // createCredential step 10 and op-make-cred step 2 (no supported algorithm), op-make-cred
      // steps 4–5 (no resident key or user verification), op-make-cred step 1 and
      // op-get-assertion step 1 (the authenticator could not process the request).
      return make("webauthn_unsupported", "No authenticator here can create or use this passkey.");
    case "TypeError":
      return make("invalid_response", "The browser refused the service's passkey options.");
  }
  if (!browserSupportsWebAuthn()) return make("webauthn_unsupported", "This browser cannot use passkeys.");
  return make("webauthn_cancelled", "The passkey ceremony did not complete.");
}
