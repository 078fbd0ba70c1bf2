import { HandoffError, SERVICE_ERROR_CODES, type ServiceErrorCode } from "@handoff/types";

/** A service error with the status its code is documented with. */
export function fail(code: ServiceErrorCode, message: string, details?: Record<string, unknown>): HandoffError {
  return new HandoffError(code, message, { status: SERVICE_ERROR_CODES[code], ...(details ? { details } : {}) });
}
