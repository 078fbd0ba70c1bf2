import * as z from "zod/mini";
import { codePurposeSchema } from "./codes.js";
import { idSchema, timestampSchema } from "./primitives.js";

/** Body of `POST /api/native/codes/{type}/pending`. */
export const listPendingCodesRequestSchema = z.object({
  client_id: idSchema,
  user_id: idSchema,
  purpose: codePurposeSchema,
});
/** Wire type of {@link listPendingCodesRequestSchema}. */
export type ListPendingCodesRequest = z.infer<typeof listPendingCodesRequestSchema>;

/**
 * Who is waiting on a code: recorded by the service when the requesting device first calls the
 * wait (RFC 8628 §5.4), so the approving device can show it before Approve.
 */
export const codeRequesterSchema = z.object({
  /** The requesting device's `User-Agent`, at most 256 characters. */
  user_agent: z.optional(z.string().check(z.maxLength(256))),
  /** The requesting device's IP address, as the service saw it. */
  ip: z.optional(z.string().check(z.maxLength(64))),
  /** When the requesting device first waited on the code. */
  seen_at: timestampSchema,
});
/** Wire type of {@link codeRequesterSchema}. */
export type CodeRequesterWire = z.infer<typeof codeRequesterSchema>;

/** One live code in the listing; never the code itself nor its hash. */
export const pendingCodeSchema = z.object({
  created_at: timestampSchema,
  expires_at: timestampSchema,
  is_authorized: z.boolean(),
  /** `null` until the requesting device has called the wait. */
  requester: z.nullable(codeRequesterSchema),
});
/** Wire type of {@link pendingCodeSchema}. */
export type PendingCodeWire = z.infer<typeof pendingCodeSchema>;

/** Answer of `POST /api/native/codes/{type}/pending`: the user's live codes, oldest first. */
export const listPendingCodesResponseSchema = z.object({ codes: z.array(pendingCodeSchema) });
/** Wire type of {@link listPendingCodesResponseSchema}. */
export type ListPendingCodesResponse = z.infer<typeof listPendingCodesResponseSchema>;
