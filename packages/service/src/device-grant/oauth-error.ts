import { ENDPOINTS, isHandoffError, OAUTH_ERROR_CODES, type OAuthErrorBody, type OAuthErrorCode } from "@handoff/types";
import type { Context } from "hono";
import type { ServiceContext } from "../context.js";

/**
 * An OAuth error (RFC 6749 §5.2, RFC 8628 §3.5), answered as `{error, error_description}` with
 * the status of its code in `OAUTH_ERROR_CODES`, unlike the `{code, message}` of the rest of the
 * contract ([contract: device grant](../../../../docs/contract.md#oauth-device-authorization-grant-rfc-8628)).
 */
export class OAuthError extends Error {
  /** The RFC's error code. */
  readonly error: OAuthErrorCode;
  /** The status it is answered with: the code's, unless given (429 for a rate limit). */
  readonly status: number;
  /** Seconds for `Retry-After`, when there is a time to wait. */
  readonly retryAfterSeconds: number | undefined;

  /** An OAuth error with a description for developers (never a code or a secret). */
  constructor(
    error: OAuthErrorCode,
    description: string,
    options: { status?: number; retryAfterSeconds?: number } = {},
  ) {
    super(description);
    this.name = "OAuthError";
    this.error = error;
    this.status = options.status ?? OAUTH_ERROR_CODES[error];
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** Paths that answer OAuth error bodies: the OAuth endpoints of `ENDPOINTS`. */
export const OAUTH_PATHS: ReadonlySet<string> = new Set(
  [ENDPOINTS.oauthMetadata, ENDPOINTS.openidConfiguration, ENDPOINTS.deviceAuthorization, ENDPOINTS.token].map(
    (endpoint) => endpoint.path,
  ),
);

/**
 * The OAuth form of an error thrown on an OAuth path: an {@link OAuthError} as it is; a
 * `HandoffError` of the shared middleware (a wrong content type, an oversized body, a wrong
 * method, a rate limit, a closing service) as the nearest OAuth code with its own status;
 * anything else is `500 server_error` (a bug: logged by the caller).
 */
export function toOAuthError(error: unknown): OAuthError | undefined {
  if (error instanceof OAuthError) return error;
  if (!isHandoffError(error)) return undefined;
  const status = error.status ?? 400;
  switch (error.code) {
    case "too_many_attempts": {
      const retryAfter = error.details?.retryAfterSeconds;
      return new OAuthError("temporarily_unavailable", error.message, {
        status: 429,
        ...(typeof retryAfter === "number" ? { retryAfterSeconds: retryAfter } : {}),
      });
    }
    case "service_unavailable":
      return new OAuthError("temporarily_unavailable", error.message);
    default:
      return status < 500 ? new OAuthError("invalid_request", error.message, { status }) : undefined;
  }
}

/**
 * Answers an error on an OAuth path in the RFC 6749 §5.2 shape, `Retry-After` included; the
 * unknown ones as `500 server_error`, logged without their request's body.
 */
export function replyOAuthError(c: Context, context: ServiceContext, error: unknown): Response {
  const oauth = toOAuthError(error);
  if (!oauth) {
    context.options.logger({
      level: "error",
      msg: "unhandled error",
      path: c.req.path.slice(0, 200),
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    });
    const body: OAuthErrorBody = { error: "server_error", error_description: "Something went wrong on our side." };
    return c.json(body, 500);
  }
  if (oauth.retryAfterSeconds !== undefined) c.header("Retry-After", String(oauth.retryAfterSeconds));
  if (oauth.status === 413) c.header("Connection", "close");
  const body: OAuthErrorBody = { error: oauth.error, error_description: oauth.message };
  return c.json(body, oauth.status as 400);
}
