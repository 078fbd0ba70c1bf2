import * as z from "zod/mini";
import { idSchema, timestampSchema } from "./primitives.js";
import { credentialIdSchema, credentialNameSchema } from "./webauthn.js";

/*
 * The bodies of the credential endpoints (`GET /api/native/credentials`, `POST …/rename`,
 * `POST …/revoke`, `POST …/fido2/init/force`), shaped as `@loginid/node-sdk` 0.8.3 sends them and reads them back.
 */

/** The kind of a credential: a passkey (WebAuthn) or a device key (`/pwless/devices`). */
export const credentialTypeSchema = z.enum(["passkey", "device_key"]);
/** Wire type of {@link credentialTypeSchema}. */
export type CredentialType = z.infer<typeof credentialTypeSchema>;

/** Query of `GET /api/native/credentials`: `?user_id=`. */
export const listCredentialsQuerySchema = z.object({ user_id: idSchema });
/** Wire type of {@link listCredentialsQuerySchema}. */
export type ListCredentialsQuery = z.infer<typeof listCredentialsQuerySchema>;

/** One passkey or device key of a user, as the credential endpoints answer it. */
export const credentialSchema = z.object({
  /** The passkey's credential id (base64url) or the device key's id. */
  uuid: credentialIdSchema,
  type: credentialTypeSchema,
  /** The name a person gave it; a device key without one shows its `device_info`. */
  name: z.string(),
  /** Always `active`: a revoked credential is deleted, never listed. */
  status: z.literal("active"),
  created_at: timestampSchema,
  /** Its last sign-in; `null` when it never signed in (a device key before this field existed). */
  last_used_at: z.nullable(timestampSchema),
  /**
   * The device key's `device_info`; for a passkey, its provider's name from the authenticator's
   * AAGUID where the service knows it ("iCloud Keychain", "Google Password Manager"), else `null`.
   */
  device_info: z.nullable(z.string()),
});
/** Wire type of {@link credentialSchema}. */
export type CredentialWire = z.infer<typeof credentialSchema>;

/** Answer of `GET /api/native/credentials`: the user's credentials, oldest first. */
export const listCredentialsResponseSchema = z.object({ credentials: z.array(credentialSchema) });
/** Wire type of {@link listCredentialsResponseSchema}. */
export type ListCredentialsResponse = z.infer<typeof listCredentialsResponseSchema>;

/** Body of `POST /api/native/credentials/rename`. */
export const renameCredentialRequestSchema = z.object({
  client_id: idSchema,
  user_id: idSchema,
  credential: z.object({ uuid: credentialIdSchema, name: credentialNameSchema }),
});
/** Wire type of {@link renameCredentialRequestSchema}. */
export type RenameCredentialRequest = z.infer<typeof renameCredentialRequestSchema>;

/**
 * Body of `POST /api/native/credentials/revoke`. `force: true` (an extension; LoginID's SDK
 * never sends it) also revokes the user's last passkey or device key.
 */
export const revokeCredentialRequestSchema = z.object({
  client_id: idSchema,
  user_id: idSchema,
  credential: z.object({ uuid: credentialIdSchema }),
  force: z.optional(z.boolean()),
});
/** Wire type of {@link revokeCredentialRequestSchema}. */
export type RevokeCredentialRequest = z.infer<typeof revokeCredentialRequestSchema>;

/** Answer of rename and revoke: the credential as it is after a rename, or was before a revoke. */
export const credentialResponseSchema = z.object({ credential: credentialSchema });
/** Wire type of {@link credentialResponseSchema}. */
export type CredentialResponse = z.infer<typeof credentialResponseSchema>;

/**
 * Body of `POST /api/native/credentials/fido2/init/force` (`@loginid/node-sdk`'s
 * `initAddCredentialWithoutCode`); the answer is `registrationOptionsResponseSchema`.
 */
export const forceAddCredentialInitRequestSchema = z.object({ client_id: idSchema, user_id: idSchema });
/** Wire type of {@link forceAddCredentialInitRequestSchema}. */
export type ForceAddCredentialInitRequest = z.infer<typeof forceAddCredentialInitRequestSchema>;
