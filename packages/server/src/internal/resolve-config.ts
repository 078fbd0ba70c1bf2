import { optionalTimeoutMs } from "@handoff/types/core/arguments";
import { HandoffError } from "@handoff/types/core/errors";
import type { ServerClientOptions } from "../server-client-options.js";
import { requireObject } from "./arguments.js";
import type { ResolvedRetry, ServerClientConfig } from "./config.js";
import { createKeySet } from "./key-set.js";
import { createTokenSigner } from "./token-signer.js";

/** Default per-call time budget, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** Default clock skew accepted on user JWTs, in seconds. */
export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 30;
/** Default retries of the methods that only read. */
export const DEFAULT_RETRY: ResolvedRetry = { limit: 2, initialDelayMs: 300, maxDelayMs: 5_000 };

function invalid(message: string, cause?: unknown): HandoffError {
  return new HandoffError("invalid_argument", message, cause === undefined ? {} : { cause });
}

/**
 * Checks the options of `createServerClient` and fills in the defaults. Nothing is fetched and
 * the key is not imported yet (both happen on first use).
 *
 * @throws {HandoffError} `invalid_argument` naming the offending option.
 */
export function resolveConfig(options: ServerClientOptions): ServerClientConfig {
  const input = requireObject(options, "options");
  const baseUrl = resolveBaseUrl(input.baseUrl);
  const { clientId, privateKey, issuer } = input;
  if (typeof clientId !== "string" || clientId.trim() === "") throw invalid("clientId must be a non-empty string.");
  if (typeof privateKey !== "string" && (typeof privateKey !== "object" || privateKey === null)) {
    throw invalid("privateKey must be an ES256 private key: a JWK object, a PKCS#8 PEM string or a CryptoKey.");
  }
  // `null` counts as not given, as `??` has it.
  const timeoutMs = optionalTimeoutMs(input.timeoutMs ?? undefined, "timeoutMs", true) ?? DEFAULT_TIMEOUT_MS;
  const clockToleranceSeconds = input.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS;
  if (typeof clockToleranceSeconds !== "number" || !(clockToleranceSeconds >= 0 && clockToleranceSeconds <= 300)) {
    throw invalid("clockToleranceSeconds must be a number of seconds from 0 to 300.");
  }
  if (issuer !== undefined && (typeof issuer !== "string" || issuer === "")) {
    throw invalid("issuer must be a non-empty string.");
  }
  if (input.fetch !== undefined && typeof input.fetch !== "function") throw invalid("fetch must be a function.");
  const custom = input.fetch as typeof fetch | undefined;
  // Looked up per call, so a fetch installed later (instrumentation, test mocks) is used.
  const fetchImpl: typeof fetch = custom ?? ((request, init) => globalThis.fetch(request, init));

  return {
    baseUrl,
    clientId,
    fetch: fetchImpl,
    timeoutMs,
    retry: resolveRetry(input.retry),
    clockToleranceSeconds,
    issuer: issuer ?? baseUrl,
    signToken: createTokenSigner(clientId, options.privateKey),
    keySet: createKeySet(baseUrl, fetchImpl, timeoutMs),
  };
}

function resolveBaseUrl(value: unknown): string {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch (cause) {
    throw invalid("baseUrl must be an absolute http(s) URL.", cause);
  }
  if (typeof value !== "string" || (url.protocol !== "https:" && url.protocol !== "http:")) {
    throw invalid("baseUrl must be an absolute http(s) URL.");
  }
  if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
    throw invalid("baseUrl must not carry credentials, a query or a fragment.");
  }
  return url.href.replace(/\/+$/, "");
}

function resolveRetry(value: unknown): ResolvedRetry | false {
  if (value === false) return false;
  if (value === undefined) return DEFAULT_RETRY;
  const retry = requireObject(value, "retry");
  const limit = retry.limit ?? DEFAULT_RETRY.limit;
  const initialDelayMs = retry.initialDelayMs ?? DEFAULT_RETRY.initialDelayMs;
  const maxDelayMs = retry.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs;
  if (typeof limit !== "number" || !Number.isInteger(limit) || limit < 0 || limit > 10) {
    throw invalid("retry.limit must be an integer from 0 to 10.");
  }
  for (const [name, delay] of [
    ["initialDelayMs", initialDelayMs],
    ["maxDelayMs", maxDelayMs],
  ] as const) {
    if (typeof delay !== "number" || !Number.isFinite(delay) || delay < 0) {
      throw invalid(`retry.${name} must be a number of milliseconds, 0 or more.`);
    }
  }
  return { limit, initialDelayMs: initialDelayMs as number, maxDelayMs: maxDelayMs as number };
}
