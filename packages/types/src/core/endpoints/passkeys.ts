import type { EndpointSpec } from "./endpoint-spec.js";

/*
 * The passkey endpoints (browsers, no token): sign up, sign in, add a passkey with an `add_credential` code.
 */

/** Starts a passkey sign-up (`POST /api/native/register/fido2/init`). */
export const FIDO2_REGISTER_INIT_ENDPOINT = {
  method: "POST",
  path: "/api/native/register/fido2/init",
  scope: null,
  auth: "none",
} as const satisfies EndpointSpec;
/** Completes a passkey sign-up (`POST /api/native/register/fido2/complete`). */
export const FIDO2_REGISTER_COMPLETE_ENDPOINT = {
  method: "POST",
  path: "/api/native/register/fido2/complete",
  scope: null,
  auth: "none",
} as const satisfies EndpointSpec;
/** Starts a passkey sign-in (`POST /api/native/authenticate/fido2/init`). */
export const FIDO2_AUTHENTICATE_INIT_ENDPOINT = {
  method: "POST",
  path: "/api/native/authenticate/fido2/init",
  scope: null,
  auth: "none",
} as const satisfies EndpointSpec;
/** Completes a passkey sign-in (`POST /api/native/authenticate/fido2/complete`). */
export const FIDO2_AUTHENTICATE_COMPLETE_ENDPOINT = {
  method: "POST",
  path: "/api/native/authenticate/fido2/complete",
  scope: null,
  auth: "none",
} as const satisfies EndpointSpec;
/** Starts adding a passkey with an `add_credential` code (`POST /api/native/credentials/fido2/init`). */
export const FIDO2_ADD_CREDENTIAL_INIT_ENDPOINT = {
  method: "POST",
  path: "/api/native/credentials/fido2/init",
  scope: null,
  auth: "none",
} as const satisfies EndpointSpec;
/** Completes adding a passkey (`POST /api/native/credentials/fido2/complete`). */
export const FIDO2_ADD_CREDENTIAL_COMPLETE_ENDPOINT = {
  method: "POST",
  path: "/api/native/credentials/fido2/complete",
  scope: null,
  auth: "none",
} as const satisfies EndpointSpec;
