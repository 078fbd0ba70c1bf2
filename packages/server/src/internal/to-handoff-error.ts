import { errorFromResponse, HandoffError, isHandoffError } from "@handoff/types/core";
import type * as Ky from "ky";

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
 * - an HTTP error answer → `errorFromResponse` of `@handoff/types/core`, the mapping the browser
 *   SDK uses too (known code kept, unknown code in `details.serviceCode`, `Retry-After` in
 *   seconds or as an HTTP date → `details.retryAfterSeconds`);
 * - no answer at all (DNS, refused, reset) → `network_error`;
 * - an answer that is not JSON → `invalid_response`.
 * A `HandoffError` (from signing, validation) passes through unchanged. `ky` is the loaded ky
 * module, whose error guards name its failures (`undefined` when the call failed before it loaded).
 */
export function toHandoffError(
  error: unknown,
  call: FailedCall,
  ky?: Pick<typeof Ky, "isHTTPError" | "isNetworkError" | "isTimeoutError">,
): HandoffError {
  if (isHandoffError(error)) return error;
  const details = { path: call.path };
  if (call.signal?.aborted) {
    return new HandoffError("aborted", undefined, { cause: error, details });
  }
  if (ky?.isTimeoutError(error) || (error instanceof Error && error.name === "TimeoutError")) {
    const budget = call.timeoutMs === false ? "its timeout" : `${call.timeoutMs} ms`;
    return new HandoffError("timeout", `The request took longer than ${budget}.`, { cause: error, details });
  }
  if (ky?.isHTTPError(error)) {
    return errorFromResponse(error.response.status, error.response.headers, error.data, call.path);
  }
  if (error instanceof SyntaxError) {
    return new HandoffError("invalid_response", "The service answered with a body that is not JSON.", {
      cause: error,
      details,
    });
  }
  if (ky?.isNetworkError(error) || error instanceof TypeError) {
    return new HandoffError("network_error", undefined, { cause: error, details });
  }
  return new HandoffError("network_error", "The request failed without an answer from the service.", {
    cause: error,
    details,
  });
}
