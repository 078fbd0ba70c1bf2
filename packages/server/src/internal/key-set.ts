import { ENDPOINTS, HandoffError } from "@handoff/types/core";
import type { JWTVerifyGetKey } from "jose";
import { loadJose } from "./lazy.js";

/** Codes of key-selection errors that say something about the token, not about the key set. */
const TOKEN_ERRORS = new Set(["ERR_JWKS_NO_MATCHING_KEY", "ERR_JWKS_MULTIPLE_MATCHING_KEYS", "ERR_JOSE_NOT_SUPPORTED"]);

/**
 * The service's JWKS (`/.well-known/jwks.json` under `baseUrl`) as a jose key getter: fetched on
 * first use, cached, and fetched again when a token names an unknown `kid` (at most every 30 s).
 *
 * A key set that cannot be fetched is not the token's fault, so it is reported apart from an
 * invalid token: `timeout`, `network_error`, or `invalid_response` (not 200, not a JWKS), each a
 * {@link HandoffError} with `details.path`.
 */
export function createKeySet(baseUrl: string, fetchImpl: typeof fetch, timeoutMs: number | false): JWTVerifyGetKey {
  const path = ENDPOINTS.jwks.path;
  let remote: JWTVerifyGetKey | undefined; // made on first use, with jose
  return async (header, token) => {
    const { createRemoteJWKSet, customFetch, errors } = await loadJose();
    remote ??= createRemoteJWKSet(new URL(`${baseUrl}${path}`), {
      ...(timeoutMs === false ? {} : { timeoutDuration: Math.ceil(timeoutMs) }),
      [customFetch]: (url: string, init: RequestInit) => fetchImpl(url, init),
    });
    try {
      return await remote(header, token);
    } catch (error) {
      if (error instanceof errors.JOSEError && TOKEN_ERRORS.has(error.code)) throw error;
      const details = { path };
      if (error instanceof errors.JWKSTimeout) {
        throw new HandoffError("timeout", "Fetching the service's JWKS took too long.", { cause: error, details });
      }
      if (error instanceof errors.JOSEError) {
        throw new HandoffError("invalid_response", "The service's JWKS could not be read.", { cause: error, details });
      }
      throw new HandoffError("network_error", "The service's JWKS could not be fetched.", { cause: error, details });
    }
  };
}
