import * as z from "zod/mini";
import { codeTypeSchema } from "./codes.js";
import { MAX_CREDENTIAL_ID_LENGTH } from "./core/arguments.js";
import { codeValueSchema, idSchema, usernameSchema } from "./primitives.js";

/*
 * The JSON forms of WebAuthn options and credentials, as @simplewebauthn/server 14 produces them
 * and @simplewebauthn/browser 14 sends them (W3C WebAuthn Level 3, `PublicKeyCredential.toJSON()`).
 * Permissive where the spec lets values grow (transports, hints and descriptor types are plain
 * strings, which browsers ignore when unknown), strict where a value must be exact (the
 * `public-key` type, base64url strings). Unknown fields are dropped, as everywhere in the
 * contract.
 */

/** A base64url string (padding tolerated), at most `maxLength` characters. */
function base64url(maxLength: number) {
  return z.string().check(z.minLength(1), z.maxLength(maxLength), z.regex(/^[A-Za-z0-9_-]+={0,2}$/));
}

/**
 * A credential id in base64url. WebAuthn §4 caps credential ids at 1,023 bytes, so at most
 * 1,364 base64url characters.
 */
export const credentialIdSchema = base64url(MAX_CREDENTIAL_ID_LENGTH);

/** A challenge in base64url: 16 to 64 bytes (the service issues 32). */
export const challengeSchema = z.string().check(z.minLength(22), z.maxLength(88), z.regex(/^[A-Za-z0-9_-]+={0,2}$/));

/** A name a person gives a passkey ("MacBook", "Pixel"): at most 128 characters. */
export const credentialNameSchema = z.string().check(z.minLength(1), z.maxLength(128), z.regex(/^[^\p{Cc}]+$/u));

const userVerificationSchema = z.enum(["required", "preferred", "discouraged"]);

/** A credential named in `excludeCredentials` or `allowCredentials`. */
const descriptorSchema = z.object({
  id: credentialIdSchema,
  type: z.string().check(z.maxLength(64)),
  transports: z.exactOptional(z.array(z.string().check(z.maxLength(64))).check(z.maxLength(16))),
});

const hintsSchema = z.array(z.enum(["hybrid", "security-key", "client-device"])).check(z.maxLength(8));

/**
 * `PublicKeyCredentialCreationOptionsJSON`: what the browser passes to
 * `navigator.credentials.create()` (through `startRegistration`).
 */
export const creationOptionsSchema = z.object({
  rp: z.object({ name: z.string(), id: z.exactOptional(z.string()) }),
  user: z.object({ id: base64url(88), name: z.string(), displayName: z.string() }),
  challenge: challengeSchema,
  pubKeyCredParams: z.array(z.object({ type: z.literal("public-key"), alg: z.number().check(z.int()) })),
  timeout: z.exactOptional(z.number().check(z.positive())),
  excludeCredentials: z.exactOptional(z.array(descriptorSchema)),
  authenticatorSelection: z.exactOptional(
    z.object({
      authenticatorAttachment: z.exactOptional(z.enum(["platform", "cross-platform"])),
      requireResidentKey: z.exactOptional(z.boolean()),
      residentKey: z.exactOptional(z.enum(["required", "preferred", "discouraged"])),
      userVerification: z.exactOptional(userVerificationSchema),
    }),
  ),
  hints: z.exactOptional(hintsSchema),
  attestation: z.exactOptional(z.enum(["none", "indirect", "direct", "enterprise"])),
});
/** Wire type of {@link creationOptionsSchema}. */
export type CreationOptionsJSON = z.infer<typeof creationOptionsSchema>;

/**
 * `PublicKeyCredentialRequestOptionsJSON`: what the browser passes to
 * `navigator.credentials.get()` (through `startAuthentication`).
 */
export const requestOptionsSchema = z.object({
  challenge: challengeSchema,
  timeout: z.exactOptional(z.number().check(z.positive())),
  rpId: z.exactOptional(z.string()),
  allowCredentials: z.exactOptional(z.array(descriptorSchema)),
  userVerification: z.exactOptional(userVerificationSchema),
  hints: z.exactOptional(hintsSchema),
});
/** Wire type of {@link requestOptionsSchema}. */
export type RequestOptionsJSON = z.infer<typeof requestOptionsSchema>;

/** Fields every credential JSON has. */
const credentialBase = {
  id: credentialIdSchema,
  rawId: credentialIdSchema,
  type: z.literal("public-key"),
  authenticatorAttachment: z.exactOptional(z.enum(["platform", "cross-platform"])),
  /** Extension outputs are not used by the service; their content is dropped. */
  clientExtensionResults: z.object({}),
};

/** `RegistrationResponseJSON`: the new credential the browser sends after `create()`. */
export const registrationCredentialSchema = z.object({
  ...credentialBase,
  response: z.object({
    clientDataJSON: base64url(8192),
    attestationObject: base64url(32768),
    authenticatorData: z.exactOptional(base64url(32768)),
    transports: z.exactOptional(z.array(z.string().check(z.maxLength(64))).check(z.maxLength(16))),
    publicKeyAlgorithm: z.exactOptional(z.number().check(z.int())),
    publicKey: z.exactOptional(base64url(8192)),
  }),
});
/** Wire type of {@link registrationCredentialSchema}. */
export type RegistrationCredentialJSON = z.infer<typeof registrationCredentialSchema>;

/** `AuthenticationResponseJSON`: the assertion the browser sends after `get()`. */
export const authenticationCredentialSchema = z.object({
  ...credentialBase,
  response: z.object({
    clientDataJSON: base64url(8192),
    authenticatorData: base64url(8192),
    signature: base64url(2048),
    userHandle: z.exactOptional(base64url(88)),
  }),
});
/** Wire type of {@link authenticationCredentialSchema}. */
export type AuthenticationCredentialJSON = z.infer<typeof authenticationCredentialSchema>;

/** Body of every `…/fido2/init` for sign-up and sign-in. */
const initRequest = { client_id: idSchema, username: usernameSchema };

/** Body of `POST /api/native/register/fido2/init`: start creating a user with a passkey. */
export const registerInitRequestSchema = z.object(initRequest);
/** Wire type of {@link registerInitRequestSchema}. */
export type RegisterInitRequest = z.infer<typeof registerInitRequestSchema>;

/** Answer of the two registration inits (`register/fido2/init`, `credentials/fido2/init`). */
export const registrationOptionsResponseSchema = z.object({ options: creationOptionsSchema });
/** Wire type of {@link registrationOptionsResponseSchema}. */
export type RegistrationOptionsResponse = z.infer<typeof registrationOptionsResponseSchema>;

/**
 * Body of `POST /api/native/register/fido2/complete` and `/credentials/fido2/complete`. The
 * challenge travels inside `credential.response.clientDataJSON`, signed by the authenticator.
 */
export const registrationCompleteRequestSchema = z.object({
  ...initRequest,
  credential: registrationCredentialSchema,
  credential_name: z.optional(credentialNameSchema),
});
/** Wire type of {@link registrationCompleteRequestSchema}. */
export type RegistrationCompleteRequest = z.infer<typeof registrationCompleteRequestSchema>;

/**
 * Body of `POST /api/native/authenticate/fido2/init`: start signing in with a passkey. Without a
 * `username` the sign-in is username-less: the options name no credential, and the person picks
 * one of the site's discoverable passkeys (or autofill offers them)
 * (`docs/contract.md#passkeys-webauthn`).
 */
export const authenticateInitRequestSchema = z.object({ client_id: idSchema, username: z.optional(usernameSchema) });
/** Wire type of {@link authenticateInitRequestSchema}. */
export type AuthenticateInitRequest = z.infer<typeof authenticateInitRequestSchema>;

/** Answer of `POST /api/native/authenticate/fido2/init`. */
export const authenticationOptionsResponseSchema = z.object({ options: requestOptionsSchema });
/** Wire type of {@link authenticationOptionsResponseSchema}. */
export type AuthenticationOptionsResponse = z.infer<typeof authenticationOptionsResponseSchema>;

/**
 * Body of `POST /api/native/authenticate/fido2/complete`: the `username` sent to `init`, if one
 * was; the challenge travels inside `credential.response.clientDataJSON`.
 */
export const authenticateCompleteRequestSchema = z.object({
  ...authenticateInitRequestSchema.shape,
  credential: authenticationCredentialSchema,
});
/** Wire type of {@link authenticateCompleteRequestSchema}. */
export type AuthenticateCompleteRequest = z.infer<typeof authenticateCompleteRequestSchema>;

/**
 * Body of `POST /api/native/credentials/fido2/init`: add a passkey to an existing user with an
 * `add_credential` code that the user's backend generated and authorized.
 */
export const addCredentialInitRequestSchema = z.object({
  ...initRequest,
  authentication_code: z.object({ code: codeValueSchema, type: codeTypeSchema }),
});
/** Wire type of {@link addCredentialInitRequestSchema}. */
export type AddCredentialInitRequest = z.infer<typeof addCredentialInitRequestSchema>;
