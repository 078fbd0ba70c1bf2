import * as z from "zod/mini";
import { codePurposeSchema } from "./codes.js";
import { codeValueSchema, idSchema, timestampSchema } from "./primitives.js";

/** Body of `POST /api/native/codes/{type}/generate`. */
export const generateCodeRequestSchema = z.object({
  client_id: idSchema,
  user_id: idSchema,
  purpose: codePurposeSchema,
  authorize: z._default(z.boolean(), false),
});
/** Wire type of {@link generateCodeRequestSchema} (input side: `authorize` may be omitted). */
export type GenerateCodeRequest = z.input<typeof generateCodeRequestSchema>;

/** Answer of `POST /api/native/codes/{type}/generate`. */
export const generateCodeResponseSchema = z.object({
  code: codeValueSchema,
  expires_at: timestampSchema,
  is_authorized: z.boolean(),
});
/** Wire type of {@link generateCodeResponseSchema}. */
export type GenerateCodeResponse = z.infer<typeof generateCodeResponseSchema>;

/** Body of `POST /api/native/codes/{type}/authorize`. */
export const authorizeCodeRequestSchema = z.object({
  client_id: idSchema,
  user_id: idSchema,
  purpose: codePurposeSchema,
  code: codeValueSchema,
});
/** Wire type of {@link authorizeCodeRequestSchema}. */
export type AuthorizeCodeRequest = z.infer<typeof authorizeCodeRequestSchema>;

/** Answer of `POST /api/native/codes/{type}/authorize`. */
export const authorizeCodeResponseSchema = z.object({
  expires_at: timestampSchema,
  is_authorized: z.literal(true),
});
/** Wire type of {@link authorizeCodeResponseSchema}. */
export type AuthorizeCodeResponse = z.infer<typeof authorizeCodeResponseSchema>;

/** Body of `POST /api/native/codes/{code_type}/invalidate-all`. */
export const invalidateCodesRequestSchema = z.object({
  client_id: idSchema,
  user_id: idSchema,
  purpose: codePurposeSchema,
});
/** Wire type of {@link invalidateCodesRequestSchema}. */
export type InvalidateCodesRequest = z.infer<typeof invalidateCodesRequestSchema>;

/** Answer of `POST /api/native/codes/{code_type}/invalidate-all`. */
export const invalidateCodesResponseSchema = z.object({ deleted_at: timestampSchema });
/** Wire type of {@link invalidateCodesResponseSchema}. */
export type InvalidateCodesResponse = z.infer<typeof invalidateCodesResponseSchema>;
