import { optionalSignal, requireCode } from "@handoff/types/core/arguments";
import { PWLESS_DEVICES_ENDPOINT } from "@handoff/types/core/endpoints/pwless";
import { HandoffError } from "@handoff/types/core/errors";
import type { RegisteredDeviceKey } from "@handoff/types/core/registered-device-key";
import { fitsCodePoints } from "@handoff/types/core/text";
import type { BrowserClientOptions } from "../browser-client-options.js";
import { toBase64url } from "../internal/base64url.js";
import type { BrowserClientConfig } from "../internal/config.js";
import { request } from "../internal/request.js";
import { resolveConfig } from "../internal/resolve-config.js";
import { checkEmail, checkOptions, subtleCrypto } from "./check-arguments.js";
import type { AddDeviceKeyOptions } from "./device-key-options.js";
import { deviceKeySlot, loadDeviceKey, saveDeviceKey } from "./device-key-store.js";
import { parseDevicesResponse } from "./parse-device-responses.js";

/** Longest `device_info` the service takes. */
const MAX_DEVICE_INFO = 256;

function defaultDeviceInfo(): string {
  const agent = globalThis.navigator?.userAgent ?? "";
  return [...agent.trim()].slice(0, MAX_DEVICE_INFO).join("");
}

/** addDeviceKey with a resolved configuration (what `createBrowserClient` calls). */
export async function runAddDeviceKey(
  config: BrowserClientConfig,
  options: AddDeviceKeyOptions,
): Promise<RegisteredDeviceKey> {
  const fields = checkOptions(options, "addDeviceKey", "{ email, securityCode }");
  const email = checkEmail(fields.email);
  const signal = optionalSignal(fields.signal);
  const code = requireCode(fields.securityCode, "securityCode");
  const { deviceInfo = defaultDeviceInfo(), securityNonce } = options;
  if (typeof deviceInfo !== "string" || !fitsCodePoints(deviceInfo, MAX_DEVICE_INFO)) {
    throw new HandoffError("invalid_argument", `deviceInfo must be a string of at most ${MAX_DEVICE_INFO} characters.`);
  }
  if (securityNonce !== undefined && (typeof securityNonce !== "string" || securityNonce.length === 0)) {
    throw new HandoffError("invalid_argument", "securityNonce must be the string requestDeviceCode returned.");
  }

  const subtle = subtleCrypto();
  const slot = deviceKeySlot(config.baseUrl, config.clientId, email);
  await loadDeviceKey(slot); // IndexedDB works here, before the key is registered
  let pair: CryptoKeyPair;
  let spki: ArrayBuffer;
  try {
    pair = await subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]);
    spki = await subtle.exportKey("spki", pair.publicKey);
  } catch (cause) {
    throw new HandoffError("device_key_unsupported", "This browser cannot create an ECDSA P-256 key.", { cause });
  }

  const registered = await request(config, {
    endpoint: PWLESS_DEVICES_ENDPOINT,
    body: {
      email,
      key_data: toBase64url(spki),
      device_info: deviceInfo,
      key_type: "ec",
      key_length: 256,
      signature_algorithm: "ES256",
      security_code: code,
      client_id: config.clientId,
      ...(securityNonce === undefined ? {} : { security_nonce_signed: securityNonce }),
    },
    validate: parseDevicesResponse,
    signal,
  });
  await saveDeviceKey({
    slot,
    keyId: registered.key.id,
    userId: registered.user.id,
    email,
    privateKey: pair.privateKey,
    publicKey: pair.publicKey,
    createdAt: Date.now(),
  });
  return registered;
}

/**
 * Adds this browser as a device of the account (`POST /pwless/devices`): creates a
 * non-extractable ECDSA P-256 key pair with WebCrypto, registers its public key with the
 * emailed security code, and keeps the pair in IndexedDB (per service, client and email) for
 * `signInWithDeviceKey`. A key added again for the same email replaces the stored one.
 *
 * @throws {HandoffError} `invalid_argument`; `device_key_unsupported` without WebCrypto or
 * IndexedDB (checked before anything is sent); from the service `invalid_code`, `code_expired`,
 * `too_many_attempts`, `weak_key`, `invalid_request`; and `network_error`, `timeout`, `aborted`,
 * `invalid_response`.
 *
 * @param service Where the service is, as for `createBrowserClient`.
 * @example
 * const service = { baseUrl: "https://auth.example.com", clientId };
 * const { securityNonce } = await requestDeviceCode(service, { email });
 * // …the person types the code from the email…
 * const { key } = await addDeviceKey(service, { email, securityCode: typed, securityNonce, deviceInfo: "Kitchen tablet" });
 */
export function addDeviceKey(
  service: BrowserClientOptions,
  options: AddDeviceKeyOptions,
): Promise<RegisteredDeviceKey> {
  try {
    return runAddDeviceKey(resolveConfig(service), options);
  } catch (error) {
    return Promise.reject(error);
  }
}
