import {
  HandoffError,
  type HandoffErrorDetails,
  SERVICE_ERROR_CODES,
  SERVICE_ERROR_MESSAGES,
  type ServiceErrorCode,
} from "@handoff/types";

/**
 * A service error with the status its code is documented with, and, unless `message` says more,
 * the code's default message (`SERVICE_ERROR_MESSAGES`).
 */
export function fail<C extends ServiceErrorCode>(
  code: C,
  message: string = SERVICE_ERROR_MESSAGES[code],
  details?: HandoffErrorDetails<C>,
): HandoffError<C> {
  return new HandoffError(code, message, { status: SERVICE_ERROR_CODES[code], ...(details ? { details } : {}) });
}
