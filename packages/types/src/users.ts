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
  /**
   * When the user's backend deactivated the user (no code, wait or sign-in until it activates
   * them again); `null` while active. Absent from older services.
   */
  deactivated_at: z.optional(z.nullable(timestampSchema)),
});
/** Answer of the user deletions (`POST …/manage/users/delete`, `DELETE …/manage/users/{id}`). */
export const deleteUserResponseSchema = z.object({ deleted_at: timestampSchema });
/** Wire type of {@link deleteUserResponseSchema}. */
export type DeleteUserResponse = z.infer<typeof deleteUserResponseSchema>;
/** Wire type of {@link userProfileSchema}. */
export type UserProfileWire = z.infer<typeof userProfileSchema>;
