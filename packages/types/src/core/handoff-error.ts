import { CLIENT_ERROR_CODES, type HandoffErrorCode, isClientErrorCode } from "./error-codes.js";
import type { HandoffErrorDetails } from "./error-details.js";

/** What a {@link HandoffError} is built from. */
export interface HandoffErrorOptions<C extends HandoffErrorCode = HandoffErrorCode> {
  /** HTTP status of the service's answer; absent for errors raised without a response. */
  status?: number;
  /** Structured context safe to show (the request path, the `Retry-After` seconds, …); per code, see `HandoffErrorDetailsByCode`. Never secrets. */
  details?: HandoffErrorDetails<C>;
  /** The underlying error. */
  cause?: unknown;
}

const BRAND = Symbol.for("@handoff/types/HandoffError");

/**
 * The one error every Handoff package throws. Branch on `code`, never on `message`. Without a
 * message, a client code says its default message (`CLIENT_ERROR_CODES`); a service code
 * carries the service's message (the service defaults it from `SERVICE_ERROR_MESSAGES`),
 * or, when an answer had none, the code itself.
 *
 * @example
 * try {
 *   await handoff.authorizeCode({ userId, code, codeType: "short", purpose: "temporary_authentication" });
 * } catch (error) {
 *   if (isHandoffError(error) && error.code === "too_many_attempts") retryAfter(error.details?.retryAfterSeconds);
 *   else throw error;
 * }
 */
export class HandoffError<C extends HandoffErrorCode = HandoffErrorCode> extends Error {
  /** Stable, documented error code. */
  readonly code: C;
  /** HTTP status of the service's answer, when there was one. */
  readonly status: number | undefined;
  /** Structured context safe to log and show; which fields a code carries: `HandoffErrorDetailsByCode`. */
  readonly details: HandoffErrorDetails<C> | undefined;

  constructor(code: C, message?: string, options: HandoffErrorOptions<C> = {}) {
    super(
      message ?? (isClientErrorCode(code) ? CLIENT_ERROR_CODES[code] : code),
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.name = "HandoffError";
    this.code = code;
    this.status = options.status;
    this.details = options.details;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** The `{ code, message }` wire body for this error. */
  toJSON(): { code: C; message: string } {
    return { code: this.code, message: this.message };
  }
}

/**
 * Whether `value` is a {@link HandoffError}, also when it comes from another copy of this
 * package or another realm (an iframe, a worker), where `instanceof` fails.
 *
 * @example
 * if (isHandoffError(error) && error.code === "invalid_response") console.log(error.details?.serviceCode);
 */
export function isHandoffError(value: unknown): value is HandoffError {
  return (
    value instanceof HandoffError ||
    (typeof value === "object" && value !== null && (value as Record<PropertyKey, unknown>)[BRAND] === true)
  );
}
