/**
 * The error model on its own (`@handoff/types/core/errors`): the error codes with their default
 * messages, `HandoffError`, the `details` each code carries, and the one mapping of error answers
 * to it. Also exported by `@handoff/types/core` and `@handoff/types`.
 *
 * @module @handoff/types/core/errors
 */
export type { ClientErrorCode, HandoffErrorCode, ServiceErrorCode } from "./error-codes.js";
export {
  CLIENT_ERROR_CODES,
  isClientErrorCode,
  isHandoffErrorCode,
  isServiceErrorCode,
  SERVICE_ERROR_CODES,
} from "./error-codes.js";
export type { HandoffErrorDetailFields, HandoffErrorDetails, HandoffErrorDetailsByCode } from "./error-details.js";
export { errorFromResponse } from "./error-from-response.js";
export { defaultErrorMessage, SERVICE_ERROR_MESSAGES } from "./error-messages.js";
export type { HandoffErrorOptions } from "./handoff-error.js";
export { HandoffError, isHandoffError } from "./handoff-error.js";
export { parseRetryAfter } from "./retry-after.js";
