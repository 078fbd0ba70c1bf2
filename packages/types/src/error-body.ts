import * as z from "zod/mini";

/**
 * The body of every error the service answers: a stable `code` and a human `message`.
 * `code` is a string here so that a client keeps working when a newer service adds a code;
 * compare it with {@link isServiceErrorCode}.
 */
export const errorBodySchema = z.object({
  code: z.string().check(z.minLength(1), z.maxLength(64)),
  message: z.string(),
});
/** Wire type of {@link errorBodySchema}. */
export type ErrorBody = z.infer<typeof errorBodySchema>;
