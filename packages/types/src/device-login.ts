import * as z from "zod/mini";
import { idSchema, timestampSchema } from "./primitives.js";
import { emailSchema } from "./pwless.js";

/** A base64url string without padding, at most `max` characters. */
const base64urlSchema = (max: number) =>
  z.string().check(z.minLength(1), z.maxLength(max), z.regex(/^[A-Za-z0-9_-]+$/));

/**
 * Body of `POST /pwless/login/init`: a device that registered a key with `/pwless/devices` asks
 * for a challenge to sign. Without `client_id` the service's default client is used.
 */
export const deviceLoginInitRequestSchema = z.object({
  email: emailSchema,
  key_id: idSchema,
  client_id: z.optional(idSchema),
});
/** Wire type of {@link deviceLoginInitRequestSchema}. */
export type DeviceLoginInitRequest = z.infer<typeof deviceLoginInitRequestSchema>;

/**
 * Answer of `POST /pwless/login/init`: a single-use challenge (base64url of 32 random bytes)
 * and when it expires. The device signs the challenge's decoded bytes with its key.
 */
export const deviceLoginInitResponseSchema = z.object({
  challenge: base64urlSchema(128),
  expires_at: timestampSchema,
});
/** Wire type of {@link deviceLoginInitResponseSchema}. */
export type DeviceLoginInitResponse = z.infer<typeof deviceLoginInitResponseSchema>;

/**
 * Body of `POST /pwless/login/complete`. `signature` is base64url of the signature over the
 * challenge's decoded bytes, made with the key's registered algorithm: ES256 as IEEE P1363
 * `r‖s` (what WebCrypto produces; DER is accepted too), EdDSA, RS256 (PKCS#1 v1.5) or PS256
 * (PSS, salt of 32 bytes). The answer is the session answer (`docs/contract.md#the-session-answer`).
 */
export const deviceLoginCompleteRequestSchema = z.object({
  email: emailSchema,
  key_id: idSchema,
  challenge: base64urlSchema(128),
  signature: base64urlSchema(2048),
});
/** Wire type of {@link deviceLoginCompleteRequestSchema}. */
export type DeviceLoginCompleteRequest = z.infer<typeof deviceLoginCompleteRequestSchema>;
