import type { UserProfileWire } from "../users.js";

/** A user's profile, as the SDKs return it. */
export interface UserProfile {
  /** The user id that code calls take. */
  id: string;
  /** The username (often an email address). */
  username: string;
  /** The namespace (one per client) the user lives in. */
  namespaceId: string;
  /** When the user was created. */
  createdAt: Date;
  /**
   * When the username was proven or vouched for; `null` while nobody has proven it (a passkey
   * sign-up): do not treat the username as the person's email until it is set.
   */
  verifiedAt: Date | null;
  /**
   * When the user's backend deactivated the user (no code, wait or sign-in until activated);
   * `null` while active, and from an older service that does not say.
   */
  deactivatedAt: Date | null;
}

/**
 * Converts a wire profile to the SDK's {@link UserProfile}.
 *
 * @example
 * const { id, createdAt } = toUserProfile(userProfileSchema.parse(body)); // createdAt is a Date
 */
export function toUserProfile(wire: UserProfileWire): UserProfile {
  return {
    id: wire.id,
    username: wire.username,
    namespaceId: wire.namespace_id,
    createdAt: new Date(wire.created_at),
    verifiedAt: wire.verified_at ? new Date(wire.verified_at) : null,
    deactivatedAt: wire.deactivated_at ? new Date(wire.deactivated_at) : null,
  };
}
