import type { Scope } from "@handoff/types";
import type { JWTVerifyGetKey } from "jose";

/** Retry settings with every default filled in. */
export interface ResolvedRetry {
  limit: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

/** Who a service token is about. */
export interface TokenSubject {
  scope: Scope;
  userId?: string;
  username?: string;
}

/** Everything the methods need; built once by `createServerClient`. */
export interface ServerClientConfig {
  /** Service base URL without a trailing slash. */
  baseUrl: string;
  clientId: string;
  fetch: typeof fetch;
  timeoutMs: number | false;
  retry: ResolvedRetry | false;
  clockToleranceSeconds: number;
  issuer: string;
  /** Signs a fresh service token (the private key is imported on the first call). */
  signToken(subject: TokenSubject): Promise<string>;
  /** The service's JWKS, fetched on first use, cached, refreshed on an unknown `kid`. */
  keySet: JWTVerifyGetKey;
}
