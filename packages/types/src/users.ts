import * as z from "zod/mini";
import { idSchema, timestampSchema, usernameSchema } from "./primitives.js";

/** Body of `POST /api/native/manage/users` (create) and `POST /api/native/manage/users/retrieve`. */
export const userRequestSchema = z.object({ username: usernameSchema });
/** Wire type of {@link userRequestSchema}. */
export type UserRequest = z.infer<typeof userRequestSchema>;

/** A user's profile as the service answers it. */
export const userProfileSchema = z.object({
  id: idSchema,
  username: usernameSchema,
  namespace_id: idSchema,
  created_at: timestampSchema,
  /**
   * When the username was proven (an email answered with a security code) or vouched for (your
   * backend created the user); `null` for an account made by a passkey sign-up and not proven
   * yet — do not link it to an account of yours by its email. Absent from older services.
   */
  verified_at: z.optional(z.nullable(timestampSchema)),
});
/** Wire type of {@link userProfileSchema}. */
export type UserProfileWire = z.infer<typeof userProfileSchema>;

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
}

/** Converts a wire profile to the SDK's {@link UserProfile}. */
export function toUserProfile(wire: UserProfileWire): UserProfile {
  return {
    id: wire.id,
    username: wire.username,
    namespaceId: wire.namespace_id,
    createdAt: new Date(wire.created_at),
    verifiedAt: wire.verified_at ? new Date(wire.verified_at) : null,
  };
}
