import { CLIENT_ERROR_CODES, type HandoffErrorCode, isServiceErrorCode, type ServiceErrorCode } from "./error-codes.js";

/*
 * Kept apart from the code tables: a browser bundle that never needs a service code's default
 * message (the service sends its own) does not carry these.
 */

/**
 * The default message of each {@link ServiceErrorCode}: what the service says when it has nothing
 * more precise to add, and what an SDK says when an error body names the code without a message.
 *
 * @example
 * SERVICE_ERROR_MESSAGES.invalid_code; // "The code is not valid."
 */
export const SERVICE_ERROR_MESSAGES = {
  invalid_request: "The request is not valid.",
  missing_token: "This endpoint needs a service token.",
  invalid_token: "The service token is not valid.",
  forbidden: "The service token does not allow this.",
  not_found: "No such route.",
  user_not_found: "No such user.",
  user_deactivated: "This account is deactivated.",
  method_not_allowed: "This route does not take this method.",
  wait_timeout: "The code was not authorized in time; call again until it expires.",
  user_exists: "A user with this username already exists.",
  invalid_code: "The code is not valid.",
  code_expired: "The code has expired.",
  code_invalidated: "The code was invalidated.",
  payload_too_large: "The body is too large.",
  unsupported_media_type: "The body must be application/json.",
  too_many_attempts: "Too many attempts; try again later.",
  weak_key: "The key is weak or unusable.",
  verification_failed: "The credential could not be verified.",
  invalid_challenge: "The challenge is unknown, used or expired; ask for a new one.",
  no_credentials: "No credential is registered for this user.",
  credential_not_found: "The user has no credential with this id.",
  last_credential: "This is the user's last passkey or device key; revoking it needs force: true.",
  origin_not_allowed: "This origin is not allowed for the client.",
  service_unavailable: "The service is unavailable; call again.",
  internal_error: "Something went wrong in the service.",
} as const satisfies Record<ServiceErrorCode, string>;

/**
 * The default message of an error code, from `SERVICE_ERROR_MESSAGES` or
 * `CLIENT_ERROR_CODES`: what a {@link HandoffError} says when it is given no message.
 *
 * @example
 * defaultErrorMessage("code_expired"); // "The code has expired."
 */
export function defaultErrorMessage(code: HandoffErrorCode): string {
  return isServiceErrorCode(code) ? SERVICE_ERROR_MESSAGES[code] : CLIENT_ERROR_CODES[code];
}
