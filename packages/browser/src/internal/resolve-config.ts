import { optionalTimeoutMs } from "@handoff/types/core/arguments";
import { HandoffError } from "@handoff/types/core/errors";
import type { BrowserClientOptions } from "../browser-client-options.js";
import type { BrowserClientConfig } from "./config.js";

/** Default per-request timeout in milliseconds (waits use their own, see `waitCode`). */
export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Validates the client options and fills in defaults.
 *
 * @throws {HandoffError} `invalid_argument` for a malformed `baseUrl`, an empty `clientId`, a bad
 * `timeoutMs`, or when no `fetch` is available.
 */
export function resolveConfig(options: BrowserClientOptions): BrowserClientConfig {
  if (typeof options !== "object" || options === null) {
    throw new HandoffError("invalid_argument", "Options { baseUrl, clientId } are required.");
  }
  let url: URL;
  try {
    url = new URL(options.baseUrl);
  } catch (cause) {
    throw new HandoffError("invalid_argument", "baseUrl must be an absolute http(s) URL.", { cause });
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new HandoffError("invalid_argument", "baseUrl must be an absolute http(s) URL.");
  }
  if (typeof options.clientId !== "string" || options.clientId.trim() === "") {
    throw new HandoffError("invalid_argument", "clientId must be a non-empty string.");
  }
  const timeoutMs = optionalTimeoutMs(options.timeoutMs, "timeoutMs", true) ?? DEFAULT_TIMEOUT_MS;
  if (options.fetch !== undefined && typeof options.fetch !== "function") {
    throw new HandoffError("invalid_argument", "fetch must be a function.");
  }
  if (options.fetch === undefined && typeof globalThis.fetch !== "function") {
    throw new HandoffError("invalid_argument", "No fetch is available; pass options.fetch.");
  }
  // The global fetch is looked up at each call, so a polyfill or a test interceptor (msw)
  // installed after the client was created is used.
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  return { baseUrl: url.href.replace(/\/+$/, ""), clientId: options.clientId, fetch: fetchImpl, timeoutMs };
}
