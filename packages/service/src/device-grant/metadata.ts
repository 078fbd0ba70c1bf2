import { type AuthorizationServerMetadata, DEVICE_CODE_GRANT_TYPE, ENDPOINTS, JWT_ALGORITHM } from "@handoff/types";
import type { ServiceContext } from "../context.js";
import { SUPPORTED_SCOPES } from "./scopes.js";

/**
 * The absolute URL of one of the service's paths: under the issuer (the `issuer` option, which
 * must then be the service's public URL, or the URL it listens on).
 */
export function serviceUrl(context: Pick<ServiceContext, "issuer">, path: string): string {
  return `${context.issuer().replace(/\/+$/, "")}${path}`;
}

/**
 * The authorization server metadata (RFC 8414), also served as OpenID Connect discovery: the
 * device grant only (no authorization endpoint), public clients (`none`) and `private_key_jwt`
 * with the clients' ES256 keys, ID tokens signed with ES256.
 */
export function authorizationServerMetadata(context: Pick<ServiceContext, "issuer">): AuthorizationServerMetadata {
  return {
    issuer: context.issuer(),
    device_authorization_endpoint: serviceUrl(context, ENDPOINTS.deviceAuthorization.path),
    token_endpoint: serviceUrl(context, ENDPOINTS.token.path),
    jwks_uri: serviceUrl(context, ENDPOINTS.jwks.path),
    grant_types_supported: [DEVICE_CODE_GRANT_TYPE],
    response_types_supported: [],
    scopes_supported: [...SUPPORTED_SCOPES],
    token_endpoint_auth_methods_supported: ["none", "private_key_jwt"],
    token_endpoint_auth_signing_alg_values_supported: [JWT_ALGORITHM],
    subject_types_supported: ["public"],
    id_token_signing_alg_values_supported: [JWT_ALGORITHM],
  };
}
