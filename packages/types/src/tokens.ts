import * as z from "zod/mini";
import { idSchema, usernameSchema } from "./primitives.js";
import { scopeSchema } from "./scopes.js";

/** The only algorithm of service tokens and user JWTs. */
export const JWT_ALGORITHM = "ES256";

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
});
/** Type of {@link userTokenClaimsSchema}. */
export type UserTokenClaimsWire = z.infer<typeof userTokenClaimsSchema>;

/** Verified claims of a user JWT, as the server SDK returns them. */
export interface UserTokenClaims {
  /** The user id (`sub`). */
  userId: string;
  /** The username (`udata`). */
  username: string;
  /** The client the token was issued for (`aud`). */
  clientId: string;
  /** Who issued it (`iss`). */
  issuer: string;
  /** When it was issued (`iat`). */
  issuedAt: Date;
  /** When it expires (`exp`). */
  expiresAt: Date;
  /** Unique token id (`jti`). */
  tokenId: string;
}

/** Converts verified wire claims to {@link UserTokenClaims}. */
export function toUserTokenClaims(wire: UserTokenClaimsWire): UserTokenClaims {
  const audience = Array.isArray(wire.aud) ? (wire.aud[0] ?? "") : wire.aud;
  return {
    userId: wire.sub,
    username: wire.udata,
    clientId: audience,
    issuer: wire.iss,
    issuedAt: new Date(wire.iat * 1000),
    expiresAt: new Date(wire.exp * 1000),
    tokenId: wire.jti,
  };
}
