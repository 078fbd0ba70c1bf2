import {
  FIDO2_AUTHENTICATE_COMPLETE_ENDPOINT,
  FIDO2_AUTHENTICATE_INIT_ENDPOINT,
} from "@handoff/types/core/endpoints/passkeys";
import { isHandoffError } from "@handoff/types/core/errors";
import type { Session } from "@handoff/types/core/session";
import {
  type AuthenticationResponseJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  startAuthentication,
} from "@simplewebauthn/browser";
import type { BrowserClientOptions } from "../browser-client-options.js";
import type { BrowserClientConfig } from "../internal/config.js";
import { parseSession } from "../internal/parse-session.js";
import { request } from "../internal/request.js";
import { resolveConfig } from "../internal/resolve-config.js";
import { assertAutofillAvailable, autofillAssertion } from "./autofill-assertion.js";
import { parseRequestOptions } from "./parse-options.js";
import { assertWebAuthnAvailable, runCeremony } from "./run-ceremony.js";
import { signalUnknownCredential } from "./signal-credentials.js";
import { checkSignInArguments } from "./webauthn-arguments.js";

/** Options of {@link signIn}. */
export interface SignInOptions {
  /**
   * The account's username. Leave it out for a username-less sign-in: the browser offers the
   * site's passkeys and the one picked names the account
   * (`docs/contract.md#passkeys-webauthn`).
   */
  username?: string;
  /**
   * Offer the site's passkeys in the autofill of an `<input autocomplete="username webauthn">`
   * instead of a prompt (conditional mediation). Takes no `username`. The promise stays pending
   * until the person picks a passkey there, `signal` aborts (`aborted`), or a modal `signIn`
   * replaces it (`webauthn_cancelled`). Default: `false`.
   */
  autofill?: boolean;
  /** Cancels the requests and the passkey prompt (`aborted`). */
  signal?: AbortSignal;
}

/** What to offer when this device has no passkey for the account (`docs/contract.md#passkeys-webauthn`). */
export const NO_CREDENTIAL_NEXT = ["add_device", "use_once"] as const;

/** The outcome of {@link signIn}. */
export type SignInResult =
  | { status: "authenticated"; session: Session }
  | {
      /** No passkey for this account here: offer adding this device, or signing in once with a code. */
      status: "no_credential_on_device";
      next: typeof NO_CREDENTIAL_NEXT;
    };

const noCredential: SignInResult = { status: "no_credential_on_device", next: NO_CREDENTIAL_NEXT };

/** signIn with a resolved configuration (what `createBrowserClient` calls). */
export async function runSignIn(config: BrowserClientConfig, options: SignInOptions): Promise<SignInResult> {
  const { username, autofill, signal } = checkSignInArguments(options);
  assertWebAuthnAvailable();
  if (autofill) await assertAutofillAvailable();
  const start = () =>
    request(config, {
      endpoint: FIDO2_AUTHENTICATE_INIT_ENDPOINT,
      body: { client_id: config.clientId, username },
      validate: parseRequestOptions,
      signal,
    });
  let optionsJSON: PublicKeyCredentialRequestOptionsJSON;
  let credential: AuthenticationResponseJSON;
  try {
    if (autofill) {
      ({ optionsJSON, credential } = await autofillAssertion(start, signal));
    } else {
      optionsJSON = await start();
      credential = await runCeremony("authentication", () => startAuthentication({ optionsJSON }), {
        signal,
        timeoutMs: optionsJSON.timeout,
      });
    }
  } catch (error) {
    // `no_credentials`: the service lists passkeys (revealPasskeyUsers) and this user has none.
    if (isHandoffError(error) && (error.code === "no_credentials" || error.code === "no_credential_on_device")) {
      return noCredential;
    }
    throw error;
  }
  try {
    const session = await request(config, {
      endpoint: FIDO2_AUTHENTICATE_COMPLETE_ENDPOINT,
      body: { client_id: config.clientId, username, credential },
      validate: parseSession,
      signal,
    });
    return { status: "authenticated", session };
  } catch (error) {
    if (!isHandoffError(error) || error.code !== "credential_not_found") throw error;
    // A passkey the service no longer accepts (revoked, its account deleted): the provider may hide it.
    const rpId = optionsJSON.rpId ?? globalThis.location?.hostname;
    await signalUnknownCredential({ credentialId: credential.id, ...(rpId ? { rpId } : {}) }).catch(() => false);
    return noCredential;
  }
}

/**
 * Signs in with a passkey: by username, username-less (no `username`: the browser offers the
 * site's passkeys), or from the username field's autofill (`autofill: true`, which needs
 * `<input autocomplete="username webauthn">` on the page). When the account has no passkey, none
 * is on this device (the browser's "no eligible credential", which looks the same as a dismissed
 * prompt), or the passkey picked is no longer accepted (the browser is then told to forget it,
 * where it has the WebAuthn Signal API), it answers `no_credential_on_device` with the choices to
 * offer instead of throwing: attempt the sign-in first, then offer add device or use once.
 *
 * @throws {HandoffError} `invalid_argument` (nothing sent; also `autofill` without the input),
 * `webauthn_unsupported` (also `autofill` where the browser has no conditional mediation),
 * `webauthn_timeout`, `webauthn_cancelled` (also an `autofill` sign-in replaced by another
 * ceremony), `webauthn_security_error`, `verification_failed`, `user_deactivated`,
 * `invalid_challenge`, `origin_not_allowed`, `too_many_attempts`, `aborted`, `timeout`,
 * `network_error`.
 *
 * @param service Where the service is, as for `createBrowserClient`.
 * @example
 * const result = await signIn({ baseUrl: "https://auth.example.com", clientId }, { username });
 * if (result.status === "authenticated") await fetch("/session", { method: "POST", body: result.session.jwt });
 * else showChoices(result.next); // ["add_device", "use_once"]
 *
 * @example
 * // <input name="username" autocomplete="username webauthn">
 * const controller = new AbortController();
 * signIn(service, { autofill: true, signal: controller.signal }).then(useResult, ignoreAbort);
 * // Leaving the page, or signing in another way: controller.abort();
 */
export function signIn(service: BrowserClientOptions, options: SignInOptions): Promise<SignInResult> {
  try {
    return runSignIn(resolveConfig(service), options);
  } catch (error) {
    return Promise.reject(error);
  }
}
