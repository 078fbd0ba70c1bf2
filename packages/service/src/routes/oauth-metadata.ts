import { authorizationServerMetadataSchema, ENDPOINTS } from "@handoff/types";
import type { Hono } from "hono";
import type { ServiceContext } from "../context.js";
import { authorizationServerMetadata } from "../device-grant/metadata.js";
import { reply } from "../http/json.js";

/**
 * `GET /.well-known/oauth-authorization-server` (RFC 8414) and the same document at
 * `/.well-known/openid-configuration`, for OAuth and OpenID Connect clients' discovery
 * ([contract: device grant](../../../../docs/contract.md#oauth-device-authorization-grant-rfc-8628)).
 */
export function registerOAuthMetadataRoutes(app: Hono, context: ServiceContext): void {
  for (const endpoint of [ENDPOINTS.oauthMetadata, ENDPOINTS.openidConfiguration]) {
    app.get(endpoint.path, (c) => reply(c, authorizationServerMetadataSchema, authorizationServerMetadata(context)));
  }
}
