import * as z from "zod/mini";
import { codeValueSchema, idSchema } from "./primitives.js";

/** An email address as the PasswordLessAuth endpoints take it (case-insensitive, at most 254 characters). */
export const emailSchema = z.email().check(z.maxLength(254));

/** An id of the add-device answers: numbers are accepted, this service sends strings (`docs/contract.md#add-device`). */
const seedIdSchema = z.union([idSchema, z.number()]);

/**
 * Body of `POST /pwless/signup`. `client_id` is optional: without it the service uses its
 * default client.
 */
export const pwlessSignupRequestSchema = z.object({
  email: emailSchema,
  client_id: z.optional(idSchema),
});
/** Wire type of {@link pwlessSignupRequestSchema}. */
export type PwlessSignupRequest = z.infer<typeof pwlessSignupRequestSchema>;

/** Answer of `POST /pwless/signup`: a security code was emailed (`docs/contract.md#add-device`). */
export const pwlessSignupResponseSchema = z.object({
  success: z.literal(true),
  code: z.literal("code_validation_required"),
  security_nonce_signed: z.string().check(z.minLength(1)),
});
/** Wire type of {@link pwlessSignupResponseSchema}. */
export type PwlessSignupResponse = z.infer<typeof pwlessSignupResponseSchema>;

/** Key families a device may register. */
export const DEVICE_KEY_TYPES = ["rsa", "ec", "ed25519"] as const;
/** One of {@link DEVICE_KEY_TYPES}. */
export type DeviceKeyType = (typeof DEVICE_KEY_TYPES)[number];

/**
 * Body of `POST /pwless/devices`. `key_data` is the public key, base64url or base64 of its
 * SubjectPublicKeyInfo (SPKI) DER. The schema checks only the shape (the flow's original example
 * passes as written); the service then refuses weak keys (SHA-1, RSA under 2048 bits) with
 * `weak_key` (`docs/contract.md#add-device`).
 */
export const pwlessDevicesRequestSchema = z.object({
  email: emailSchema,
  key_data: z.string().check(z.minLength(1), z.maxLength(4096)),
  device_info: z.string().check(z.maxLength(256)),
  key_type: z.enum(DEVICE_KEY_TYPES),
  key_length: z.number().check(z.int(), z.positive(), z.maximum(16384)),
  signature_algorithm: z.string().check(z.minLength(1), z.maxLength(32)),
  security_code: codeValueSchema,
  client_id: z.optional(idSchema),
  security_nonce_signed: z.optional(z.string().check(z.maxLength(2048))),
});
/** Wire type of {@link pwlessDevicesRequestSchema}. */
export type PwlessDevicesRequest = z.infer<typeof pwlessDevicesRequestSchema>;

/** Answer of `POST /pwless/devices` (`docs/contract.md#add-device`). */
export const pwlessDevicesResponseSchema = z.object({
  success: z.literal(true),
  code: z.literal("success"),
  user: z.object({ id: seedIdSchema, email: z.string() }),
  key: z.object({
    id: seedIdSchema,
    user_id: seedIdSchema,
    key_type: z.string(),
    signature_algorithm: z.string(),
    key_length: z.number(),
  }),
});
/** Wire type of {@link pwlessDevicesResponseSchema}. */
export type PwlessDevicesResponse = z.infer<typeof pwlessDevicesResponseSchema>;
