import { FIDO2_ADD_CREDENTIAL_COMPLETE_ENDPOINT } from "@handoff/types/core/endpoints/passkeys";
import { HandoffError } from "@handoff/types/core/errors";
import type { Session } from "@handoff/types/core/session";
import type { PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/browser";
import type { BrowserClientOptions } from "../browser-client-options.js";
import type { BrowserClientConfig } from "../internal/config.js";
import { resolveConfig } from "../internal/resolve-config.js";
import { parseCreationOptions } from "./parse-options.js";
import { createAndComplete } from "./register-passkey.js";
import { assertWebAuthnAvailable } from "./run-ceremony.js";
import { checkPasskeyArguments, type PasskeyArguments } from "./webauthn-arguments.js";

/** Options of {@link completeAddPasskey}. */
export interface CompleteAddPasskeyOptions {
  /**
   * The registration options your backend got from `startAddPasskey` of `@handoff/server` (its
   * `options`, passed on as JSON). They name the account (`user.name`).
   */
  options: PublicKeyCredentialCreationOptionsJSON;
  /** A name for the new passkey. Default: `"Passkey"` (set by the service). */
  credentialName?: string;
  /** Cancels the passkey prompt and the request (`aborted`). */
  signal?: AbortSignal;
}

/**
 * The options checked: the creation options as the contract has them (the parser the service's
 * answer goes through, so nothing malformed reaches `navigator.credentials.create()`), the
 * account they name, and the common passkey options.
 *
 * @throws {HandoffError} `invalid_argument` naming the first bad argument.
 */
function checkOptions(options: unknown): PasskeyArguments & { optionsJSON: PublicKeyCredentialCreationOptionsJSON } {
  if (typeof options !== "object" || options === null) {
    throw new HandoffError("invalid_argument", "completeAddPasskey takes an options object.");
  }
  const { options: creation, credentialName, signal } = options as Record<string, unknown>;
  const optionsJSON = parseCreationOptions({ options: creation });
  if (!optionsJSON) {
    throw new HandoffError(
      "invalid_argument",
      "options must be the registration options your backend got from startAddPasskey.",
    );
  }
  const username = optionsJSON.user.name;
  return { optionsJSON, ...checkPasskeyArguments({ username, credentialName, signal }, "completeAddPasskey") };
}

/** completeAddPasskey with a resolved configuration (what `createBrowserClient` calls). */
export async function runCompleteAddPasskey(
  config: BrowserClientConfig,
  options: CompleteAddPasskeyOptions,
): Promise<Session> {
  const { optionsJSON, username, credentialName, signal } = checkOptions(options);
  assertWebAuthnAvailable();
  return createAndComplete(config, {
    complete: FIDO2_ADD_CREDENTIAL_COMPLETE_ENDPOINT,
    optionsJSON,
    username,
    credentialName,
    signal,
  });
}

/**
 * Adds a passkey on this device to the signed-in account, with the registration options your
 * backend started with `startAddPasskey` (no code to type): runs `navigator.credentials.create()`
 * and sends the new credential to the service (`POST /api/native/credentials/fido2/complete`),
 * which answers a session, as `addDevice` does. The options are single use and valid 5 minutes;
 * an authenticator that already holds a passkey of the account answers `credential_exists`.
 *
 * @throws {HandoffError} `invalid_argument` (nothing sent, no prompt), `webauthn_unsupported`,
 * `credential_exists`, `webauthn_cancelled`, `webauthn_timeout`, `webauthn_security_error`,
 * `invalid_challenge` (used, expired, or the account changed: start again), `user_deactivated`,
 * `verification_failed`, `origin_not_allowed`, `aborted`, `timeout`, `network_error`.
 *
 * @param service Where the service is, as for `createBrowserClient`.
 * @example
 * // Your backend called handoff.startAddPasskey({ userId }) for the signed-in user.
 * const { options } = await (await fetch("/account/passkeys/start", { method: "POST" })).json();
 * const session = await completeAddPasskey(
 *   { baseUrl: "https://auth.example.com", clientId },
 *   { options, credentialName: "Work laptop" },
 * );
 */
export function completeAddPasskey(
  service: BrowserClientOptions,
  options: CompleteAddPasskeyOptions,
): Promise<Session> {
  try {
    return runCompleteAddPasskey(resolveConfig(service), options);
  } catch (error) {
    return Promise.reject(error);
  }
}
