import type { AuthenticationResponse } from "../wait.js";

/**
 * What a session was made with (`docs/contract.md#the-session-answer`):
 * a one-time code, a passkey, or a device key registered with `/pwless/devices`.
 */
export const SESSION_CREDENTIAL_TYPES = ["code", "fido2", "device_key"] as const;
/** One of {@link SESSION_CREDENTIAL_TYPES}. */
export type SessionCredentialType = (typeof SESSION_CREDENTIAL_TYPES)[number];

/**
 * Whether a session was made with the device's own passkey (`"fido2"`) or device key: only such
 * a session vouches for other devices. A one-time sign-in (`"code"`) does not, and neither does a
 * session whose token did not say (`null`, `undefined`): fail closed.
 *
 * @example
 * if (!signedInWithOwnKey(claims.credential?.type)) throw new Error("approve from a device with a passkey");
 */
export function signedInWithOwnKey(type: SessionCredentialType | null | undefined): boolean {
  return type === "fido2" || type === "device_key";
}

/** A signed-in session, as the SDKs return it. */
export interface Session {
  /** The signed JWT; send it to your backend, which verifies it. */
  jwt: string;
  /** Whether the user is authenticated. */
  isAuthenticated: boolean;
  /** Who signed in. */
  user: { id: string; username: string; namespaceId: string };
  /** The client the session belongs to. */
  client: { id: string; type: string };
  /** The credential the session was made with. */
  credential: { uuid: string; type: string; name: string };
}

/**
 * Converts a wire authentication answer to a {@link Session}.
 *
 * @example
 * const session = toSession(authenticationResponseSchema.parse(body)); // session.user.namespaceId
 */
export function toSession(wire: AuthenticationResponse): Session {
  return {
    jwt: wire.jwt,
    isAuthenticated: wire.is_authenticated,
    user: { id: wire.user.id, username: wire.user.username, namespaceId: wire.user.namespace_id },
    client: { id: wire.client.id, type: wire.client.type },
    credential: { uuid: wire.credential.uuid, type: wire.credential.type, name: wire.credential.name },
  };
}
