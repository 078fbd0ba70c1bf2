import * as z from "zod/mini";
import { idSchema, usernameSchema } from "./primitives.js";
import { scopeSchema } from "./scopes.js";

export { JWT_ALGORITHM } from "./core/user-token-claims.js";

/** How old a service token's `iat` may be, in seconds. */
export const SERVICE_TOKEN_MAX_AGE_SECONDS = 300;

/**
 * Claims of a service token: an ES256 JWT a backend signs with its client's private key, sent as
 * `Authorization: Bearer …`. `type` is the endpoint's scope; `nonce` is never accepted twice.
 */
export const serviceTokenClaimsSchema = z.object({
  client_id: idSchema,
  type: scopeSchema,
  nonce: z.string().check(z.minLength(16), z.maxLength(128)),
  iat: z.number().check(z.int()),
  exp: z.optional(z.number().check(z.int())),
  user_id: z.optional(idSchema),
  username: z.optional(usernameSchema),
});
/** Type of {@link serviceTokenClaimsSchema}. */
export type ServiceTokenClaims = z.infer<typeof serviceTokenClaimsSchema>;

/** Claims of the JWT the service hands a signed-in user. */
export const userTokenClaimsSchema = z.object({
  iss: z.string(),
  aud: z.union([z.string(), z.array(z.string())]),
  sub: idSchema,
  udata: z.string(),
  iat: z.number(),
  exp: z.number(),
  jti: z.string(),
  /**
   * How the session was made (RFC 8176's claim, the contract's own values): `["code"]`,
   * `["fido2"]` or `["device_key"]`. Absent from tokens of services older than the claim.
   */
  amr: z.optional(z.array(z.string())),
  /**
   * The id of the credential the session was made with, as the credential endpoints name it (a
   * passkey's WebAuthn credential id, a device key's id; a one-time code's id).
   */
  credential_id: z.optional(z.string()),
});
/** Type of {@link userTokenClaimsSchema}. */
export type UserTokenClaimsWire = z.infer<typeof userTokenClaimsSchema>;
