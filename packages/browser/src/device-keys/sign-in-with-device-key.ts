import { optionalSignal } from "@handoff/types/core/arguments";
import { PWLESS_LOGIN_COMPLETE_ENDPOINT, PWLESS_LOGIN_INIT_ENDPOINT } from "@handoff/types/core/endpoints/pwless";
import { HandoffError } from "@handoff/types/core/errors";
import type { Session } from "@handoff/types/core/session";
import type { BrowserClientOptions } from "../browser-client-options.js";
import { fromBase64url, toBase64url } from "../internal/base64url.js";
import type { BrowserClientConfig } from "../internal/config.js";
import { parseSession } from "../internal/parse-session.js";
import { request } from "../internal/request.js";
import { resolveConfig } from "../internal/resolve-config.js";
import { checkEmail, checkOptions, subtleCrypto } from "./check-arguments.js";
import type { SignInWithDeviceKeyOptions } from "./device-key-options.js";
import { deviceKeySlot, loadDeviceKey } from "./device-key-store.js";
import { parseLoginInitResponse } from "./parse-device-responses.js";

/** signInWithDeviceKey with a resolved configuration (what `createBrowserClient` calls). */
export async function runSignInWithDeviceKey(
  config: BrowserClientConfig,
  options: SignInWithDeviceKeyOptions,
): Promise<Session> {
  const fields = checkOptions(options, "signInWithDeviceKey", "{ email }");
  const email = checkEmail(fields.email);
  const signal = optionalSignal(fields.signal);
  const subtle = subtleCrypto();
  const stored = await loadDeviceKey(deviceKeySlot(config.baseUrl, config.clientId, email));
  if (!stored) throw new HandoffError("no_device_key");

  const { challenge } = await request(config, {
    endpoint: PWLESS_LOGIN_INIT_ENDPOINT,
    body: { email, key_id: stored.keyId, client_id: config.clientId },
    validate: parseLoginInitResponse,
    signal,
  });
  const bytes = fromBase64url(challenge);
  if (!bytes) throw new HandoffError("invalid_response", "The service sent a challenge that is not base64url.");
  let signature: ArrayBuffer;
  try {
    signature = await subtle.sign({ name: "ECDSA", hash: "SHA-256" }, stored.privateKey, bytes);
  } catch (cause) {
    throw new HandoffError("device_key_unsupported", "The stored device key could not sign.", { cause });
  }
  return request(config, {
    endpoint: PWLESS_LOGIN_COMPLETE_ENDPOINT,
    body: { email, key_id: stored.keyId, challenge, signature: toBase64url(signature) },
    validate: parseSession,
    signal,
  });
}

/**
 * Signs in with the device key `addDeviceKey` stored for this email: asks the service for a
 * challenge (`POST /pwless/login/init`), signs it with the non-extractable private key (ECDSA
 * P-256, SHA-256) and sends the signature (`POST /pwless/login/complete`).
 *
 * @throws {HandoffError} `invalid_argument`; `no_device_key` when this browser holds no key for
 * the email (offer add device or one-time sign-in); `device_key_unsupported`; from the service
 * `verification_failed` (the key was removed, or belongs to another account), `invalid_challenge`;
 * and `network_error`, `timeout`, `aborted`, `invalid_response`.
 *
 * @param service Where the service is, as for `createBrowserClient`.
 * @example
 * const session = await signInWithDeviceKey({ baseUrl: "https://auth.example.com", clientId }, { email });
 * await fetch("/session", { method: "POST", body: session.jwt });
 */
export function signInWithDeviceKey(
  service: BrowserClientOptions,
  options: SignInWithDeviceKeyOptions,
): Promise<Session> {
  try {
    return runSignInWithDeviceKey(resolveConfig(service), options);
  } catch (error) {
    return Promise.reject(error);
  }
}
