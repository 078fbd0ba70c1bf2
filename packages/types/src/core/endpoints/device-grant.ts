import type { EndpointSpec } from "./endpoint-spec.js";

/*
 * The OAuth 2.0 device authorization grant (RFC 8628): discovery, the device authorization and
 * token endpoints (stock OAuth clients, form-encoded bodies, RFC 6749 §5.2 error bodies), and the
 * three calls the client's backend makes from its verification page (service token).
 */

/** Authorization server metadata, RFC 8414 (`GET /.well-known/oauth-authorization-server`). */
export const OAUTH_METADATA_ENDPOINT = {
  method: "GET",
  path: "/.well-known/oauth-authorization-server",
  scope: null,
  auth: "none",
} as const satisfies EndpointSpec;
/** The same metadata where OpenID Connect clients look (`GET /.well-known/openid-configuration`). */
export const OPENID_CONFIGURATION_ENDPOINT = {
  method: "GET",
  path: "/.well-known/openid-configuration",
  scope: null,
  auth: "none",
} as const satisfies EndpointSpec;
/** Starts a device authorization, RFC 8628 §3.1 (`POST /oauth/device_authorization`, form-encoded). */
export const DEVICE_AUTHORIZATION_ENDPOINT = {
  method: "POST",
  path: "/oauth/device_authorization",
  scope: null,
  auth: "none",
  body: "form",
} as const satisfies EndpointSpec;
/** The token endpoint, device_code grant, RFC 8628 §3.4 (`POST /oauth/token`, form-encoded). */
export const TOKEN_ENDPOINT = {
  method: "POST",
  path: "/oauth/token",
  scope: null,
  auth: "none",
  body: "form",
} as const satisfies EndpointSpec;
/** Shows a pending device authorization by its user code (`POST /api/native/device-authorizations/retrieve`). */
export const GET_DEVICE_AUTHORIZATION_ENDPOINT = {
  method: "POST",
  path: "/api/native/device-authorizations/retrieve",
  scope: "device_authorizations.retrieve",
  auth: "service_token",
} as const satisfies EndpointSpec;
/** Approves a device authorization for a user (`POST /api/native/device-authorizations/approve`). */
export const APPROVE_DEVICE_AUTHORIZATION_ENDPOINT = {
  method: "POST",
  path: "/api/native/device-authorizations/approve",
  scope: "device_authorizations.approve",
  auth: "service_token",
} as const satisfies EndpointSpec;
/** Denies a device authorization (`POST /api/native/device-authorizations/deny`). */
export const DENY_DEVICE_AUTHORIZATION_ENDPOINT = {
  method: "POST",
  path: "/api/native/device-authorizations/deny",
  scope: "device_authorizations.deny",
  auth: "service_token",
} as const satisfies EndpointSpec;
