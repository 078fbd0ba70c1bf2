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
import { parseRequestOptions } from "./parse-options.js";
import { assertWebAuthnAvailable, runCeremony } from "./run-ceremony.js";
import { checkPasskeyArguments } from "./webauthn-arguments.js";

/** Options of {@link signIn}. */
export interface SignInOptions {
  /** The account's username. */
  username: string;
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
  const { username, signal } = checkPasskeyArguments(options, "signIn");
  assertWebAuthnAvailable();
  let optionsJSON: PublicKeyCredentialRequestOptionsJSON;
  try {
    optionsJSON = await request(config, {
      endpoint: FIDO2_AUTHENTICATE_INIT_ENDPOINT,
      body: { client_id: config.clientId, username },
      validate: parseRequestOptions,
      signal,
    });
  } catch (error) {
    if (isHandoffError(error) && error.code === "no_credentials") return noCredential;
    throw error;
  }
  let credential: AuthenticationResponseJSON;
  try {
    credential = await runCeremony("authentication", () => startAuthentication({ optionsJSON }), {
      signal,
      timeoutMs: optionsJSON.timeout,
    });
  } catch (error) {
    if (isHandoffError(error) && error.code === "no_credential_on_device") return noCredential;
    throw error;
  }
  const session = await request(config, {
    endpoint: FIDO2_AUTHENTICATE_COMPLETE_ENDPOINT,
    body: { client_id: config.clientId, username, credential },
    validate: parseSession,
    signal,
  });
  return { status: "authenticated", session };
}

/**
 * Signs in with a passkey. When the account has no passkey, or none is on this device (the
 * browser's "no eligible credential", which looks the same as a dismissed prompt), it answers
 * `no_credential_on_device` with the choices to offer instead of throwing, as the contract advises
 * recommends: attempt the sign-in first, then offer add device or use once.
 *
 * @throws {HandoffError} `invalid_argument` (nothing sent), `webauthn_unsupported`,
 * `webauthn_timeout`, `webauthn_cancelled`, `webauthn_security_error`, `verification_failed`,
 * `invalid_challenge`, `origin_not_allowed`, `aborted`, `timeout`, `network_error`.
 *
 * @param service Where the service is, as for `createBrowserClient`.
 * @example
 * const result = await signIn({ baseUrl: "https://auth.example.com", clientId }, { username });
 * if (result.status === "authenticated") await fetch("/session", { method: "POST", body: result.session.jwt });
 * else showChoices(result.next); // ["add_device", "use_once"]
 */
export function signIn(service: BrowserClientOptions, options: SignInOptions): Promise<SignInResult> {
  try {
    return runSignIn(resolveConfig(service), options);
  } catch (error) {
    return Promise.reject(error);
  }
}
