import type { EndpointSpec } from "./endpoint-spec.js";

/*
 * The device-key endpoints of add device (`docs/contract.md#add-device`) (`/pwless`, browsers and devices, no token): the emailed security code, registering a key, signing in with it.
 */

/** Emails a security code for adding a device (`POST /pwless/signup`). */
export const PWLESS_SIGNUP_ENDPOINT = {
  method: "POST",
  path: "/pwless/signup",
  scope: null,
  auth: "none",
} as const satisfies EndpointSpec;
/** Registers a device key with the emailed code (`POST /pwless/devices`). */
export const PWLESS_DEVICES_ENDPOINT = {
  method: "POST",
  path: "/pwless/devices",
  scope: null,
  auth: "none",
} as const satisfies EndpointSpec;
/** Asks for a challenge for a device key (`POST /pwless/login/init`). */
export const PWLESS_LOGIN_INIT_ENDPOINT = {
  method: "POST",
  path: "/pwless/login/init",
  scope: null,
  auth: "none",
} as const satisfies EndpointSpec;
/** Signs in with a device key's signature (`POST /pwless/login/complete`). */
export const PWLESS_LOGIN_COMPLETE_ENDPOINT = {
  method: "POST",
  path: "/pwless/login/complete",
  scope: null,
  auth: "none",
} as const satisfies EndpointSpec;
