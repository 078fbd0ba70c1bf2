import { errorBodySchema, HandoffError, isHandoffError, isServiceErrorCode } from "@handoff/types";
import { isHTTPError, isNetworkError, isTimeoutError } from "ky";

/** What a failed call was, to describe its error. */
export interface FailedCall {
  /** The request path, e.g. `/api/native/codes/short/generate`; goes to `details.path`. */
  path: string;
  /** The caller's signal: when it is aborted, the failure is `aborted` whatever happened. */
  signal?: AbortSignal | undefined;
  /** The call's time budget, for the message of a `timeout`. */
  timeoutMs: number | false;
}

/**
 * The one place where a failed call becomes a {@link HandoffError}:
 * - the caller aborted → `aborted`; the budget ran out → `timeout`;
 * - an HTTP error answer → {@link errorFromResponse};
 * - no answer at all (DNS, refused, reset) → `network_error`;
 * - an answer that is not JSON → `invalid_response`.
 * A `HandoffError` (from signing, validation) passes through unchanged.
 */
export function toHandoffError(error: unknown, call: FailedCall): HandoffError {
  if (isHandoffError(error)) return error;
  const details = { path: call.path };
  if (call.signal?.aborted) {
    return new HandoffError("aborted", "The operation was aborted by the caller.", { cause: error, details });
  }
  if (isTimeoutError(error) || (error instanceof Error && error.name === "TimeoutError")) {
    const budget = call.timeoutMs === false ? "its timeout" : `${call.timeoutMs} ms`;
    return new HandoffError("timeout", `The request took longer than ${budget}.`, { cause: error, details });
  }
  if (isHTTPError(error)) {
    return errorFromResponse(error.response.status, error.response.headers, error.data, call.path);
  }
  if (error instanceof SyntaxError) {
    return new HandoffError("invalid_response", "The service answered with a body that is not JSON.", {
      cause: error,
      details,
    });
  }
  if (isNetworkError(error) || error instanceof TypeError) {
    return new HandoffError("network_error", "The service could not be reached.", { cause: error, details });
  }
  return new HandoffError("network_error", "The request failed without an answer from the service.", {
    cause: error,
    details,
  });
}

/**
 * Maps an error answer to a {@link HandoffError}: a `{code, message}` body with a known code keeps
 * that code and message; anything else (an HTML page from a proxy, an empty body, a code this
 * SDK does not know, kept in `details.serviceCode`) is `invalid_response`. The status is always
 * kept, and `Retry-After` becomes `details.retryAfterSeconds`.
 */
export function errorFromResponse(status: number, headers: Headers, body: unknown, path: string): HandoffError {
  const retryAfterSeconds = parseRetryAfter(headers.get("retry-after"));
  const details: Record<string, unknown> = {
    path,
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  };
  const parsed = errorBodySchema.safeParse(body);
  if (parsed.success && isServiceErrorCode(parsed.data.code)) {
    return new HandoffError(parsed.data.code, parsed.data.message, { status, details });
  }
  if (parsed.success) details.serviceCode = parsed.data.code;
  return new HandoffError("invalid_response", `The service answered ${status} without a Handoff error body.`, {
    status,
    details,
  });
}

/**
 * Reads `Retry-After` (delay-seconds or an HTTP date) as whole seconds, at least 1; `undefined`
 * when absent or malformed.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.max(1, Number(trimmed));
  // An HTTP date names its day and month; bare numbers like "-5" would parse as years.
  if (!/^[a-z]{3},/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(1, Math.ceil((date - now) / 1000));
}
