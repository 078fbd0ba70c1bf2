import type { PrivateKeyInput } from "./tokens/import-private-key.js";

/**
 * When a method that only reads (each method's documentation says whether it is retried) is sent
 * again. Only network errors and `502`, `503`, `504` answers are retried; a `503` with
 * `Retry-After` waits that long (capped by `maxDelayMs`). Each attempt carries a freshly signed
 * service token. A call that creates or consumes something is never retried.
 *
 * @example
 * createServerClient({ baseUrl, clientId, privateKey, retry: { limit: 3, initialDelayMs: 200 } });
 */
export interface RetryOptions {
  /** Retries after the first attempt. Default: 2. */
  limit?: number;
  /** Delay before the first retry in milliseconds, doubled for each next one, with full jitter. Default: 300. */
  initialDelayMs?: number;
  /** Longest delay between two attempts in milliseconds. Default: 5 000. */
  maxDelayMs?: number;
}

/**
 * Options of `createServerClient`.
 *
 * @example
 * const handoff = createServerClient({
 *   baseUrl: "https://auth.example.com",
 *   clientId: process.env.HANDOFF_CLIENT_ID,
 *   privateKey: process.env.HANDOFF_PRIVATE_KEY, // PKCS#8 PEM, a JWK object, or a CryptoKey
 *   timeoutMs: 5_000,
 * });
 */
export interface ServerClientOptions {
  /**
   * The Handoff service URL, e.g. `https://auth.example.com` (a path prefix is kept:
   * `https://example.com/handoff` calls `https://example.com/handoff/api/native/…`).
   */
  baseUrl: string;
  /** The client id the service issued for this backend. */
  clientId: string;
  /**
   * The client's ES256 (P-256) private key: a JWK object, a PKCS#8 PEM string, or a WebCrypto
   * `CryptoKey`. Imported once, on the first call, and kept in memory.
   */
  privateKey: PrivateKeyInput;
  /**
   * Time budget of each call in milliseconds (retries included), or `false` for none. Also the
   * timeout of a JWKS download. Default: 10 000.
   */
  timeoutMs?: number | false;
  /** A fetch to use instead of the global one (tests, proxies, instrumented clients). Default: `globalThis.fetch`. */
  fetch?: typeof fetch;
  /**
   * Retries of the methods that only read (see {@link RetryOptions}), or `false` for none.
   * Default: `{ limit: 2, initialDelayMs: 300, maxDelayMs: 5000 }`.
   */
  retry?: RetryOptions | false;
  /** Clock skew accepted when checking a user JWT's `exp`, `iat` and `nbf`, in seconds. Default: 30. */
  clockToleranceSeconds?: number;
  /**
   * The `iss` user JWTs must carry. Default: `baseUrl` without its trailing slash (the service's
   * default issuer is its own URL); set it when the service runs with its `issuer` option.
   */
  issuer?: string;
}
