import type { CodeType } from "@handoff/types/core/codes";
import {
  FIDO2_ADD_CREDENTIAL_COMPLETE_ENDPOINT,
  FIDO2_ADD_CREDENTIAL_INIT_ENDPOINT,
} from "@handoff/types/core/endpoints/passkeys";
import type { Session } from "@handoff/types/core/session";
import type { BrowserClientOptions } from "../browser-client-options.js";
import type { BrowserClientConfig } from "../internal/config.js";
import { resolveConfig } from "../internal/resolve-config.js";
import { registerPasskey } from "./register-passkey.js";
import { assertWebAuthnAvailable } from "./run-ceremony.js";
import { checkCodeArguments, checkPasskeyArguments } from "./webauthn-arguments.js";

/** Options of {@link addDevice}. */
export interface AddDeviceOptions {
  /** The existing account's username. */
  username: string;
  /** The `add_credential` code your backend generated and authorized, as the person typed it. */
  code: string;
  /** The code's type. Default: `"phrase"` (the emailed word-and-digits code). */
  codeType?: CodeType;
  /** A name for the new passkey. Default: `"Passkey"` (set by the service). */
  credentialName?: string;
  /** Cancels the requests and the passkey prompt (`aborted`). */
  signal?: AbortSignal;
}

/** addDevice with a resolved configuration (what `createBrowserClient` calls). */
export async function runAddDevice(config: BrowserClientConfig, options: AddDeviceOptions): Promise<Session> {
  const { username, credentialName, signal } = checkPasskeyArguments(options, "addDevice");
  const { code, codeType } = checkCodeArguments({ ...options });
  assertWebAuthnAvailable();
  return registerPasskey(config, {
    init: FIDO2_ADD_CREDENTIAL_INIT_ENDPOINT,
    complete: FIDO2_ADD_CREDENTIAL_COMPLETE_ENDPOINT,
    initBody: { client_id: config.clientId, username, authentication_code: { code, type: codeType } },
    username,
    credentialName,
    signal,
  });
}

/**
 * Adds this device to an existing account with a new passkey, using an `add_credential` code
 * that the account's backend generated and authorized, and signs in. The code is spent only
 * when the passkey is registered; the service excludes the account's other passkeys, so an
 * authenticator that already holds one answers `credential_exists`.
 *
 * @throws {HandoffError} `invalid_argument` (nothing sent), `webauthn_unsupported`,
 * `invalid_code` (wrong, used or not authorized), `code_expired`, `too_many_attempts`
 * (`details.retryAfterSeconds`), `credential_exists`, `webauthn_cancelled`, `webauthn_timeout`,
 * `webauthn_security_error`, `verification_failed`, `invalid_challenge`, `aborted`, `timeout`,
 * `network_error`.
 *
 * @param service Where the service is, as for `createBrowserClient`.
 * @example
 * // The backend generated an add_credential code with authorize: true and emailed it.
 * const session = await addDevice(
 *   { baseUrl: "https://auth.example.com", clientId },
 *   { username: "ada@example.com", code: typedCode, credentialName: "Work laptop" },
 * );
 */
export function addDevice(service: BrowserClientOptions, options: AddDeviceOptions): Promise<Session> {
  try {
    return runAddDevice(resolveConfig(service), options);
  } catch (error) {
    return Promise.reject(error);
  }
}
