import type { UserTokenClaimsWire } from "../tokens.js";

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

/**
 * Converts verified wire claims to {@link UserTokenClaims}.
 *
 * @example
 * const { userId, expiresAt } = toUserTokenClaims(userTokenClaimsSchema.parse(payload));
 */
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
