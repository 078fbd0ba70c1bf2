import * as z from "zod/mini";
import { codeTypeSchema } from "./codes.js";
import { codeValueSchema, idSchema, usernameSchema } from "./primitives.js";

/** Body of `POST /api/native/authenticate/code/wait`. */
export const waitCodeRequestSchema = z.object({
  client_id: idSchema,
  username: usernameSchema,
  authentication_code: z.object({ code: codeValueSchema, type: codeTypeSchema }),
  /** Extension: a name for the session's credential (`docs/contract.md#the-wait`). */
  credential_name: z.optional(z.string().check(z.maxLength(128))),
});
/** Wire type of {@link waitCodeRequestSchema}. */
export type WaitCodeRequest = z.infer<typeof waitCodeRequestSchema>;

/** The answer of every successful authentication (`docs/contract.md#the-session-answer`). */
export const authenticationResponseSchema = z.object({
  client: z.object({ id: idSchema, type: z.string() }),
  credential: z.object({ uuid: idSchema, type: z.string(), name: z.string() }),
  user: z.object({ id: idSchema, username: usernameSchema, namespace_id: idSchema }),
  jwt: z.string().check(z.minLength(1)),
  is_authenticated: z.boolean(),
});
/** Wire type of {@link authenticationResponseSchema}. */
export type AuthenticationResponse = z.infer<typeof authenticationResponseSchema>;
