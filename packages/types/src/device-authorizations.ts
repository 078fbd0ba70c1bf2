import * as z from "zod/mini";
import { codeRequesterSchema } from "./pending-codes.js";
import { codeValueSchema, idSchema, timestampSchema } from "./primitives.js";

/**
 * Body of `POST /api/native/device-authorizations/retrieve` and `…/deny`: the user code the
 * person typed on the client's verification page, and, when the backend knows who is signed in,
 * their user id (wrong codes are then counted per user, not per client).
 */
export const deviceAuthorizationRequestSchema = z.object({
  client_id: idSchema,
  user_code: codeValueSchema,
  user_id: z.optional(idSchema),
});
/** Wire type of {@link deviceAuthorizationRequestSchema}. */
export type DeviceAuthorizationRequest = z.infer<typeof deviceAuthorizationRequestSchema>;

/** Body of `POST /api/native/device-authorizations/approve`: the user code and the user who approves. */
export const approveDeviceAuthorizationRequestSchema = z.object({
  client_id: idSchema,
  user_code: codeValueSchema,
  user_id: idSchema,
});
/** Wire type of {@link approveDeviceAuthorizationRequestSchema}. */
export type ApproveDeviceAuthorizationRequest = z.infer<typeof approveDeviceAuthorizationRequestSchema>;

/** Answer of the three device authorization calls: never the codes themselves. */
export const deviceAuthorizationSchema = z.object({
  status: z.enum(["pending", "approved", "denied"]),
  /** The scopes asked for, space-separated (`""` for none). */
  scope: z.string().check(z.maxLength(512)),
  created_at: timestampSchema,
  expires_at: timestampSchema,
  /** The device that asked (RFC 8628 §5.4). */
  requester: codeRequesterSchema,
});
/** Wire type of {@link deviceAuthorizationSchema}. */
export type DeviceAuthorizationWire = z.infer<typeof deviceAuthorizationSchema>;
