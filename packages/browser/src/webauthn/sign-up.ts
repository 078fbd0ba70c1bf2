import { FIDO2_REGISTER_COMPLETE_ENDPOINT, FIDO2_REGISTER_INIT_ENDPOINT } from "@handoff/types/core/endpoints/passkeys";
import type { Session } from "@handoff/types/core/session";
import type { BrowserClientOptions } from "../browser-client-options.js";
import type { BrowserClientConfig } from "../internal/config.js";
import { resolveConfig } from "../internal/resolve-config.js";
import { registerPasskey } from "./register-passkey.js";
import { assertWebAuthnAvailable } from "./run-ceremony.js";
import { checkPasskeyArguments } from "./webauthn-arguments.js";

/** Options of {@link signUp}. */
export interface SignUpOptions {
  /** The new account's username (often an email address); it must not exist yet. */
  username: string;
  /** A name for the passkey, shown in the account's passkey list. Default: `"Passkey"` (set by the service). */
  credentialName?: string;
  /** Cancels the requests and the passkey prompt (`aborted`). */
  signal?: AbortSignal;
}

/** signUp with a resolved configuration (what `createBrowserClient` calls). */
export async function runSignUp(config: BrowserClientConfig, options: SignUpOptions): Promise<Session> {
  const { username, credentialName, signal } = checkPasskeyArguments(options, "signUp");
  assertWebAuthnAvailable();
  return registerPasskey(config, {
    init: FIDO2_REGISTER_INIT_ENDPOINT,
    complete: FIDO2_REGISTER_COMPLETE_ENDPOINT,
    initBody: { client_id: config.clientId, username },
    username,
    credentialName,
    signal,
  });
}

/**
 * Creates an account with a passkey on this device and signs it in: asks the service for
 * registration options, runs `navigator.credentials.create()`, and sends the new credential.
 *
 * @throws {HandoffError} `invalid_argument` (nothing sent), `webauthn_unsupported`,
 * `user_exists` (the username is taken: sign in, or add this device), `webauthn_cancelled`,
 * `webauthn_timeout`, `webauthn_security_error`, `credential_exists`, `verification_failed`,
 * `invalid_challenge`, `origin_not_allowed`, `aborted`, `timeout`, `network_error`.
 *
 * @param service Where the service is, as for `createBrowserClient`.
 * @example
 * const session = await signUp(
 *   { baseUrl: "https://auth.example.com", clientId },
 *   { username: "ada@example.com", credentialName: "Laptop" },
 * );
 * await fetch("/session", { method: "POST", body: session.jwt });
 */
export function signUp(service: BrowserClientOptions, options: SignUpOptions): Promise<Session> {
  try {
    return runSignUp(resolveConfig(service), options);
  } catch (error) {
    return Promise.reject(error);
  }
}
