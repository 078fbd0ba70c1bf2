import type { EndpointSpec } from "./endpoint-spec.js";

/*
 * The service's public keys (anyone, no token): the JWK set and the seeds' certs path.
 */

/** The service's public keys as a JWK set (`GET /.well-known/jwks.json`). */
export const JWKS_ENDPOINT = {
  method: "GET",
  path: "/.well-known/jwks.json",
  scope: null,
  auth: "none",
} as const satisfies EndpointSpec;
/** The same keys at the seeds' path (`GET /api/native/certs`). */
export const CERTS_ENDPOINT = {
  method: "GET",
  path: "/api/native/certs",
  scope: null,
  auth: "none",
} as const satisfies EndpointSpec;
