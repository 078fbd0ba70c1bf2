import type { UserTokenClaimsWire } from "../tokens.js";
import { SESSION_CREDENTIAL_TYPES, type SessionCredentialType } from "./session.js";

/** The only algorithm of service tokens and user JWTs. */
export const JWT_ALGORITHM = "ES256";

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
  /**
   * The credential the session was made with (`amr`, `credential_id`): `type` `"code"` is a
   * one-time sign-in, `"fido2"` a passkey, `"device_key"` a registered key pair. Decide with it
   * what a session may do, e.g. that a device signed in once does not approve other devices.
   * `null` for tokens of a service older than these claims.
   */
  credential: { type: SessionCredentialType; id: string } | null;
}

/** The session's credential named by a token's `amr` and `credential_id`, when both are there. */
function credentialOf(wire: UserTokenClaimsWire): UserTokenClaims["credential"] {
  const type = SESSION_CREDENTIAL_TYPES.find((candidate) => wire.amr?.includes(candidate));
  return type && wire.credential_id ? { type, id: wire.credential_id } : null;
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
    credential: credentialOf(wire),
  };
}
