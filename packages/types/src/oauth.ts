import * as z from "zod/mini";

/*
 * The wire of the OAuth 2.0 device authorization grant (RFC 8628) as the service speaks it:
 * form-encoded requests, JSON answers, and RFC 6749 §5.2 error bodies `{error, error_description}`
 * (not the `{code, message}` of the rest of the contract).
 */

/** The grant type of RFC 8628 §3.4. */
export const DEVICE_CODE_GRANT_TYPE = "urn:ietf:params:oauth:grant-type:device_code";

/** The client assertion type of `private_key_jwt` (RFC 7523 §2.2). */
export const JWT_BEARER_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/**
 * The OAuth error codes the service answers, with the HTTP status of each (RFC 6749 §5.2, RFC
 * 8628 §3.5; `temporarily_unavailable` with 429 and `Retry-After` when a rate limit refuses a
 * device authorization, with 503 when the service is closing).
 */
export const OAUTH_ERROR_CODES = {
  invalid_request: 400,
  invalid_client: 401,
  invalid_grant: 400,
  unauthorized_client: 400,
  unsupported_grant_type: 400,
  invalid_scope: 400,
  authorization_pending: 400,
  slow_down: 400,
  access_denied: 400,
  expired_token: 400,
  temporarily_unavailable: 503,
  server_error: 500,
} as const;

/** One of {@link OAUTH_ERROR_CODES}. */
export type OAuthErrorCode = keyof typeof OAUTH_ERROR_CODES;

/** An OAuth error body (RFC 6749 §5.2). */
export const oauthErrorSchema = z.object({
  error: z.string(),
  error_description: z.optional(z.string()),
});
/** Wire type of {@link oauthErrorSchema}. */
export type OAuthErrorBody = z.infer<typeof oauthErrorSchema>;

/** A form field: present at most once, at most 4,096 characters. */
const field = z.string().check(z.maxLength(4096));

/** The client authentication fields every OAuth request may carry (`none`, or `private_key_jwt`). */
const clientFields = {
  client_id: z.optional(field),
  client_assertion: z.optional(field),
  client_assertion_type: z.optional(field),
};

/** Form body of `POST /oauth/device_authorization` (RFC 8628 §3.1). */
export const deviceAuthorizationFormSchema = z.object({
  ...clientFields,
  /** Space-separated scopes; the service supports `openid`. */
  scope: z.optional(z.string().check(z.maxLength(512))),
});
/** Wire type of {@link deviceAuthorizationFormSchema}. */
export type DeviceAuthorizationForm = z.infer<typeof deviceAuthorizationFormSchema>;

/** Answer of `POST /oauth/device_authorization` (RFC 8628 §3.2). */
export const deviceAuthorizationResponseSchema = z.object({
  device_code: z.string(),
  /** Eight characters of the base-20 alphabet, shown as `BDWP-HQPK`. */
  user_code: z.string(),
  /** The client's own page where the user types the code. */
  verification_uri: z.string(),
  /** The same page with the code, for a QR code or a link. */
  verification_uri_complete: z.string(),
  expires_in: z.number(),
  /** Seconds to wait between polls of the token endpoint. */
  interval: z.number(),
});
/** Wire type of {@link deviceAuthorizationResponseSchema}. */
export type DeviceAuthorizationResponse = z.infer<typeof deviceAuthorizationResponseSchema>;

/** Form body of `POST /oauth/token`, device_code grant (RFC 8628 §3.4). */
export const tokenFormSchema = z.object({
  ...clientFields,
  grant_type: field,
  device_code: z.optional(field),
  /**
   * Extension: `true` holds the request while the authorization is pending, until it is approved,
   * denied or expires (or the service's wait timeout passes: then `authorization_pending`, poll
   * again). Stock clients leave it out and poll.
   */
  handoff_wait: z.optional(z.enum(["true", "false"])),
});
/** Wire type of {@link tokenFormSchema}. */
export type TokenForm = z.infer<typeof tokenFormSchema>;

/** Answer of `POST /oauth/token` on approval (RFC 6749 §5.1). */
export const tokenResponseSchema = z.object({
  /** The user JWT the rest of the contract answers (ES256; `iss`, `aud` = client id, `sub`, `exp`, `jti`). */
  access_token: z.string(),
  token_type: z.literal("Bearer"),
  expires_in: z.number(),
  scope: z.optional(z.string()),
  /** An OpenID Connect ID token, when `openid` was asked for. */
  id_token: z.optional(z.string()),
});
/** Wire type of {@link tokenResponseSchema}. */
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

/** Authorization server metadata (RFC 8414), also served as OpenID Connect discovery. */
export const authorizationServerMetadataSchema = z.object({
  issuer: z.string(),
  device_authorization_endpoint: z.string(),
  token_endpoint: z.string(),
  jwks_uri: z.string(),
  grant_types_supported: z.array(z.string()),
  response_types_supported: z.array(z.string()),
  scopes_supported: z.array(z.string()),
  token_endpoint_auth_methods_supported: z.array(z.string()),
  token_endpoint_auth_signing_alg_values_supported: z.array(z.string()),
  subject_types_supported: z.array(z.string()),
  id_token_signing_alg_values_supported: z.array(z.string()),
});
/** Wire type of {@link authorizationServerMetadataSchema}. */
export type AuthorizationServerMetadata = z.infer<typeof authorizationServerMetadataSchema>;
