import type { CredentialResponse, CredentialWire } from "../credentials.js";

/** One of a user's passkeys or device keys, as the SDKs return it. */
export interface Credential {
  /** The passkey's credential id (base64url) or the device key's id: what rename and revoke take. */
  id: string;
  /** A passkey (WebAuthn) or a device key (add device without a passkey). */
  type: "passkey" | "device_key";
  /** The name a person gave it; a device key never renamed shows its `deviceInfo`. */
  name: string;
  /** When it was registered. */
  createdAt: Date;
  /** Its last sign-in; `null` when it never signed in. */
  lastUsedAt: Date | null;
  /**
   * What the device said when it registered its key; for a passkey, its provider's name where the
   * service knows the authenticator ("iCloud Keychain"), else `null`.
   */
  deviceInfo: string | null;
  /** Always `"active"`: a revoked credential is deleted, never listed. */
  status: "active";
}

/**
 * Converts a wire credential to the SDK's {@link Credential} (`uuid` becomes `id`, dates become `Date`s).
 *
 * @example
 * const credentials = listCredentialsResponseSchema.parse(body).credentials.map(toCredential);
 */
export function toCredential(wire: CredentialWire): Credential {
  return {
    id: wire.uuid,
    type: wire.type,
    name: wire.name,
    createdAt: new Date(wire.created_at),
    lastUsedAt: wire.last_used_at === null ? null : new Date(wire.last_used_at),
    deviceInfo: wire.device_info,
    status: wire.status,
  };
}

/**
 * Converts the answer of a rename or revoke (`{credential}`) to the {@link Credential} it names.
 *
 * @example
 * const renamed = fromCredentialResponse(credentialResponseSchema.parse(body)); // renamed.name
 */
export function fromCredentialResponse(wire: CredentialResponse): Credential {
  return toCredential(wire.credential);
}
