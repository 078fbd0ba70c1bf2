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
});
/** Wire type of {@link userProfileSchema}. */
export type UserProfileWire = z.infer<typeof userProfileSchema>;
