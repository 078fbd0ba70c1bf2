import { isServiceErrorCode } from "./error-codes.js";
import { HandoffError } from "./handoff-error.js";
import { parseRetryAfter } from "./retry-after.js";

/** The longest `code` an error body may have (as `errorBodySchema`). */
const MAX_ERROR_CODE_LENGTH = 64;

/**
 * The one mapping of a service's error answer to a {@link HandoffError}, used by both SDKs:
 * - a body `{ code, message }` with a code this SDK knows keeps that code and its message (the
 *   code itself when the body has no message);
 * - anything else is `invalid_response`: an HTML page from a proxy, an empty or non-JSON body
 *   (pass `undefined`), or a code this SDK does not know, kept in `details.serviceCode` (a newer
 *   service's code; `errorBodySchema` accepts it, `isServiceErrorCode` does not).
 *
 * The status is always kept, `path` goes to `details.path`, and a valid `Retry-After` (seconds or
 * an HTTP date) becomes `details.retryAfterSeconds`.
 *
 * @param status The answer's HTTP status.
 * @param headers The answer's headers (only `get` is used).
 * @param body The answer's body parsed as JSON, or `undefined` when it was not JSON.
 * @param path The request path, for `details.path`.
 * @example
 * const body = await response.json().catch(() => undefined);
 * if (!response.ok) throw errorFromResponse(response.status, response.headers, body, "/api/native/authenticate/code/wait");
 */
export function errorFromResponse(
  status: number,
  headers: Pick<Headers, "get">,
  body: unknown,
  path: string,
): HandoffError {
  const retryAfterSeconds = parseRetryAfter(headers.get("retry-after"));
  const details = { path, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) };
  const fields = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const { code, message } = fields;
  if (isServiceErrorCode(code)) {
    return new HandoffError(code, typeof message === "string" ? message : undefined, { status, details });
  }
  const serviceCode =
    typeof code === "string" && code.length > 0 && code.length <= MAX_ERROR_CODE_LENGTH ? { serviceCode: code } : {};
  return new HandoffError("invalid_response", `The service answered ${status} without a Handoff error body.`, {
    status,
    details: { ...details, ...serviceCode },
  });
}
