import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * An error answered to the browser as `{ code, message }` with its status; the message is
 * written for people and shown as is by the example frontend.
 *
 * @example
 * throw new ApiError(401, "not_signed_in", "Sign in first.");
 */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  /** Seconds to wait before trying again, sent as `Retry-After`. */
  readonly retryAfterSeconds: number | undefined;

  constructor(status: ContentfulStatusCode, code: string, message: string, retryAfterSeconds?: number) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
