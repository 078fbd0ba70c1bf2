import { HandoffError, isHandoffError } from "@handoff/types/core/errors";
import {
  type AuthenticationResponseJSON,
  browserSupportsWebAuthnAutofill,
  type PublicKeyCredentialRequestOptionsJSON,
  startAuthentication,
  WebAuthnAbortService,
} from "@simplewebauthn/browser";
import { runCeremony } from "./run-ceremony.js";

/** The part of a challenge's lifetime after which a pending autofill request asks for a new one. */
const RENEW_AT = 0.9;

/** The autofill field conditional mediation needs: `autocomplete` ending in `webauthn`. */
export const AUTOFILL_INPUT_SELECTOR = "input[autocomplete$='webauthn']";

/**
 * Checks that this page can offer passkeys in autofill before anything is sent.
 *
 * @throws {HandoffError} `webauthn_unsupported` when the browser has no conditional mediation
 * (`PublicKeyCredential.isConditionalMediationAvailable()`); `invalid_argument` when the page has
 * no `<input autocomplete="username webauthn">`.
 */
export async function assertAutofillAvailable(): Promise<void> {
  if (!(await browserSupportsWebAuthnAutofill())) {
    throw new HandoffError("webauthn_unsupported", "This browser cannot offer passkeys in autofill.");
  }
  if (!globalThis.document?.querySelector(AUTOFILL_INPUT_SELECTOR)) {
    throw new HandoffError(
      "invalid_argument",
      'autofill needs an <input autocomplete="username webauthn"> on the page; nothing was sent.',
    );
  }
}

/**
 * Runs a conditional-mediation `get()` (passkey autofill) with options from `start`, until the
 * person picks a passkey in the field's autofill or `signal` aborts. A conditional request has no
 * timeout, but its challenge expires: at {@link RENEW_AT} of the options' `timeout` the request
 * is cancelled and started again with fresh options, unseen. Starting another ceremony (a modal
 * `signIn`) cancels it, as @simplewebauthn/browser's `WebAuthnAbortService` does for any two.
 *
 * @throws {HandoffError} `aborted`; `webauthn_cancelled` when another ceremony replaced it; what
 * `start` throws.
 */
export async function autofillAssertion(
  start: () => Promise<PublicKeyCredentialRequestOptionsJSON>,
  signal: AbortSignal | undefined,
): Promise<{ optionsJSON: PublicKeyCredentialRequestOptionsJSON; credential: AuthenticationResponseJSON }> {
  for (;;) {
    const optionsJSON = await start();
    let renewing = false;
    const timer =
      optionsJSON.timeout === undefined
        ? undefined
        : setTimeout(() => {
            renewing = true;
            WebAuthnAbortService.cancelCeremony();
          }, optionsJSON.timeout * RENEW_AT);
    try {
      const credential = await runCeremony(
        "authentication",
        () => startAuthentication({ optionsJSON, useBrowserAutofill: true }),
        { signal },
      );
      return { optionsJSON, credential };
    } catch (error) {
      if (!(renewing && isHandoffError(error) && error.code === "webauthn_cancelled")) throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}
