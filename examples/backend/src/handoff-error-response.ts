import type { HandoffError } from "@handoff/server";
import { ApiError } from "./api-error.ts";

/**
 * Translates a `HandoffError` from `@handoff/server` into what the browser is told. Codes the
 * person can act on get a plain sentence; anything else is `undefined` (a bug or an outage:
 * logged, answered 500).
 *
 * @example
 * const answer = handoffErrorResponse(error) ?? new ApiError(500, "internal_error", "Something went wrong.");
 */
export function handoffErrorResponse(error: HandoffError): ApiError | undefined {
  switch (error.code) {
    case "user_not_found":
      return new ApiError(404, "user_not_found", "No account uses this username. Check it, or sign up.");
    case "invalid_jwt":
    case "jwt_expired":
      return new ApiError(401, "invalid_jwt", "The sign-in could not be verified. Sign in again.");
    case "code_expired":
      return new ApiError(410, "code_expired", "This request has expired. Ask the new device to start again.");
    case "invalid_code":
      return new ApiError(400, "invalid_code", "This request is no longer valid.");
    case "too_many_attempts": {
      const retry = error.details?.retryAfterSeconds;
      const seconds = typeof retry === "number" ? retry : undefined;
      return new ApiError(429, "too_many_attempts", "Too many attempts for this account. Try again later.", seconds);
    }
    case "credential_not_found":
      return new ApiError(404, "credential_not_found", "This device is no longer on your account.");
    case "last_credential":
      return new ApiError(
        409,
        "last_credential",
        "This is the only way into your account: add another device before you remove it.",
      );
    case "credential_exists":
      return new ApiError(409, "credential_exists", "This device already has a passkey for your account.");
    case "network_error":
    case "timeout":
    case "service_unavailable":
      return new ApiError(502, "service_unreachable", "The sign-in service did not answer. Try again in a moment.");
    default:
      return undefined;
  }
}
