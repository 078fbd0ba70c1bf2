import { optionalSignal } from "@handoff/types/core/arguments";
import { PWLESS_SIGNUP_ENDPOINT } from "@handoff/types/core/endpoints/pwless";
import type { BrowserClientOptions } from "../browser-client-options.js";
import type { BrowserClientConfig } from "../internal/config.js";
import { request } from "../internal/request.js";
import { resolveConfig } from "../internal/resolve-config.js";
import { checkEmail, checkOptions } from "./check-arguments.js";
import type { DeviceCodeRequested, RequestDeviceCodeOptions } from "./device-key-options.js";
import { parseSignupResponse } from "./parse-device-responses.js";

/** requestDeviceCode with a resolved configuration (what `createBrowserClient` calls). */
export async function runRequestDeviceCode(
  config: BrowserClientConfig,
  options: RequestDeviceCodeOptions,
): Promise<DeviceCodeRequested> {
  const fields = checkOptions(options, "requestDeviceCode", "{ email }");
  const email = checkEmail(fields.email);
  const signal = optionalSignal(fields.signal);
  return request(config, {
    endpoint: PWLESS_SIGNUP_ENDPOINT,
    body: { email, client_id: config.clientId },
    validate: parseSignupResponse,
    signal,
  });
}

/**
 * Asks the service to email a security code for adding this device (`POST /pwless/signup`).
 * The answer is the same whether or not the email has an account; for a new email the account
 * is created when the device key is added.
 *
 * @throws {HandoffError} `invalid_argument`, `too_many_attempts` (see `details.retryAfterSeconds`),
 * `origin_not_allowed`, `network_error`, `timeout`, `aborted`, `invalid_response`.
 *
 * @param service Where the service is, as for `createBrowserClient`.
 * @example
 * const { securityNonce } = await requestDeviceCode({ baseUrl: "https://auth.example.com", clientId }, { email });
 */
export function requestDeviceCode(
  service: BrowserClientOptions,
  options: RequestDeviceCodeOptions,
): Promise<DeviceCodeRequested> {
  try {
    return runRequestDeviceCode(resolveConfig(service), options);
  } catch (error) {
    return Promise.reject(error);
  }
}
