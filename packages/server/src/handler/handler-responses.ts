import { isHandoffError } from "@handoff/types/core";

/** Codes the routes pass on to the device as they are, with the status to send. */
const FORWARDED: Record<string, number> = {
  invalid_argument: 400,
  invalid_code: 400,
  code_expired: 410,
  user_not_found: 404,
  user_deactivated: 403,
  too_many_attempts: 429,
  invalid_jwt: 401,
  jwt_expired: 401,
};

/** A JSON answer. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

/** A `{ code, message }` answer. */
export function failure(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return json({ code, message }, status, headers);
}

/**
 * The answer for an error a route threw: the `HandoffError` codes a device can act on as they
 * are (with `Retry-After` for `too_many_attempts`); anything else (the service unreachable, this
 * backend's key refused, a bug) is reported to `onError` and answered `502 service_error`,
 * without details.
 */
export function errorResponse(error: unknown, onError: ((error: unknown) => void) | undefined): Response {
  if (isHandoffError(error)) {
    const status = FORWARDED[error.code];
    if (status !== undefined) {
      const retryAfter = error.details?.retryAfterSeconds;
      return failure(
        status,
        error.code,
        error.message,
        retryAfter === undefined ? {} : { "retry-after": String(retryAfter) },
      );
    }
  }
  onError?.(error);
  return failure(502, "service_error", "The sign-in service could not complete this request. Try again.");
}
