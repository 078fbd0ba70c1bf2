import type { EndpointSpec } from "./endpoint-spec.js";

/*
 * The code endpoints: generate, authorize, invalidate and list codes (service token), and the wait (browsers and devices).
 */

/** Generates a code of a type (`POST /api/native/codes/{type}/generate`). */
export const GENERATE_CODE_ENDPOINT = {
  method: "POST",
  path: "/api/native/codes/{type}/generate",
  scope: "codes.generate",
  auth: "service_token",
} as const satisfies EndpointSpec;
/** Authorizes a code from the signed-in device (`POST /api/native/codes/{type}/authorize`). */
export const AUTHORIZE_CODE_ENDPOINT = {
  method: "POST",
  path: "/api/native/codes/{type}/authorize",
  scope: "codes.authorize",
  auth: "service_token",
} as const satisfies EndpointSpec;
/** Invalidates a user's codes of a type and purpose (`POST /api/native/codes/{type}/invalidate-all`). */
export const INVALIDATE_ALL_CODES_ENDPOINT = {
  method: "POST",
  path: "/api/native/codes/{type}/invalidate-all",
  scope: "codes.invalidate",
  auth: "service_token",
} as const satisfies EndpointSpec;
/** Lists a user's live codes with their requesters (`POST /api/native/codes/{type}/pending`). */
export const LIST_PENDING_CODES_ENDPOINT = {
  method: "POST",
  path: "/api/native/codes/{type}/pending",
  scope: "codes.authorize",
  auth: "service_token",
} as const satisfies EndpointSpec;
/** Waits until a code is authorized and answers the session (`POST /api/native/authenticate/code/wait`). */
export const WAIT_CODE_ENDPOINT = {
  method: "POST",
  path: "/api/native/authenticate/code/wait",
  scope: "auth.temporary",
  auth: "optional_service_token",
} as const satisfies EndpointSpec;
