import * as z from "zod/mini";
import {
  approveDeviceAuthorizationRequestSchema,
  authorizationServerMetadataSchema,
  deviceAuthorizationFormSchema,
  deviceAuthorizationRequestSchema,
  deviceAuthorizationResponseSchema,
  deviceAuthorizationSchema,
  ENDPOINTS,
  OAUTH_ERROR_CODES,
  oauthErrorSchema,
  tokenFormSchema,
  tokenResponseSchema,
} from "../src/index.js";
import { bodyErrors, type Operation, tokenErrors } from "./operation.js";

/** The three calls of the client's backend from its verification page (service token, JSON). */
export const deviceAuthorizationOperations = {
  getDeviceAuthorization: {
    summary:
      "Show a device authorization by its user code: status, scopes, and the device that asked (user agent, IP, time; RFC 8628 §5.4)",
    request: deviceAuthorizationRequestSchema,
    response: deviceAuthorizationSchema,
    errors: [...bodyErrors, ...tokenErrors, "invalid_code", "code_expired", "too_many_attempts"],
  },
  approveDeviceAuthorization: {
    summary: "Approve a pending device authorization for a user; the device's token request then answers its tokens",
    request: approveDeviceAuthorizationRequestSchema,
    response: deviceAuthorizationSchema,
    errors: [
      ...bodyErrors,
      ...tokenErrors,
      "invalid_code",
      "code_expired",
      "too_many_attempts",
      "user_not_found",
      "user_deactivated",
    ],
  },
  denyDeviceAuthorization: {
    summary: "Deny a pending device authorization; the device's token request then answers access_denied",
    request: deviceAuthorizationRequestSchema,
    response: deviceAuthorizationSchema,
    errors: [...bodyErrors, ...tokenErrors, "invalid_code", "code_expired", "too_many_attempts"],
  },
} as const satisfies Record<string, Operation>;

/** The OAuth endpoints, documented by hand: form bodies and RFC 6749 §5.2 errors. */
export type OAuthEndpointName = "oauthMetadata" | "openidConfiguration" | "deviceAuthorization" | "token";

/** Names of the OAuth endpoints, which `oauthPaths` documents. */
export const OAUTH_ENDPOINT_NAMES: ReadonlySet<string> = new Set<OAuthEndpointName>([
  "oauthMetadata",
  "openidConfiguration",
  "deviceAuthorization",
  "token",
]);

function schemaOf(schema: z.ZodMiniType, io: "input" | "output"): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  return rest;
}

const oauthErrorResponse = (codes: readonly (keyof typeof OAUTH_ERROR_CODES)[]) => {
  const responses: Record<string, { description: string; content: unknown }> = {};
  for (const code of codes) {
    const status = String(OAUTH_ERROR_CODES[code]);
    const existing = responses[status];
    responses[status] = {
      description: existing ? `${existing.description}, ${code}` : code,
      content: { "application/json": { schema: { $ref: "#/components/schemas/OAuthError" } } },
    };
  }
  return responses;
};

const metadata = (operationId: string, summary: string) => ({
  get: {
    operationId,
    summary,
    security: [],
    responses: {
      "200": {
        description: "Success",
        content: { "application/json": { schema: schemaOf(authorizationServerMetadataSchema, "output") } },
      },
    },
  },
});

const formPost = (
  operationId: string,
  summary: string,
  request: z.ZodMiniType,
  response: z.ZodMiniType,
  errors: readonly (keyof typeof OAUTH_ERROR_CODES)[],
) => ({
  post: {
    operationId,
    summary,
    security: [],
    requestBody: {
      required: true,
      content: { "application/x-www-form-urlencoded": { schema: schemaOf(request, "input") } },
    },
    responses: {
      "200": { description: "Success", content: { "application/json": { schema: schemaOf(response, "output") } } },
      ...oauthErrorResponse(errors),
    },
  },
});

/** The OpenAPI paths of the OAuth endpoints (RFC 8414 metadata, RFC 8628 device grant). */
export const oauthPaths: Record<string, Record<string, unknown>> = {
  [ENDPOINTS.oauthMetadata.path]: metadata("oauthMetadata", "Authorization server metadata (RFC 8414)"),
  [ENDPOINTS.openidConfiguration.path]: metadata(
    "openidConfiguration",
    "The same metadata, where OpenID Connect clients look for it",
  ),
  [ENDPOINTS.deviceAuthorization.path]: formPost(
    "deviceAuthorization",
    "Start a device authorization (RFC 8628 §3.1): a device code, a user code and the client's verification page",
    deviceAuthorizationFormSchema,
    deviceAuthorizationResponseSchema,
    ["invalid_request", "invalid_client", "unauthorized_client", "invalid_scope", "temporarily_unavailable"],
  ),
  [ENDPOINTS.token.path]: formPost(
    "token",
    "Poll for the tokens of a device authorization (RFC 8628 §3.4); handoff_wait=true holds the request until it is decided",
    tokenFormSchema,
    tokenResponseSchema,
    [
      "invalid_request",
      "invalid_client",
      "invalid_grant",
      "unauthorized_client",
      "unsupported_grant_type",
      "authorization_pending",
      "slow_down",
      "access_denied",
      "expired_token",
      "temporarily_unavailable",
    ],
  ),
};

/** The `OAuthError` component: RFC 6749 §5.2's error body. */
export const oauthErrorComponent = {
  ...schemaOf(oauthErrorSchema, "output"),
  properties: {
    error: { type: "string", enum: Object.keys(OAUTH_ERROR_CODES) },
    error_description: { type: "string" },
  },
};
