import type { PwlessDevicesResponse } from "../pwless.js";

/** A registered device key, as the SDKs return it. */
export interface RegisteredDeviceKey {
  /** The user the key belongs to. */
  user: { id: string; email: string };
  /** The stored key. */
  key: { id: string; userId: string; keyType: string; signatureAlgorithm: string; keyLength: number };
}

/**
 * Converts a wire devices answer to a {@link RegisteredDeviceKey} (the add-device examples print ids as numbers; they become strings).
 *
 * @example
 * const { key } = toRegisteredDeviceKey(pwlessDevicesResponseSchema.parse(body)); // key.userId
 */
export function toRegisteredDeviceKey(wire: PwlessDevicesResponse): RegisteredDeviceKey {
  return {
    user: { id: String(wire.user.id), email: wire.user.email },
    key: {
      id: String(wire.key.id),
      userId: String(wire.key.user_id),
      keyType: wire.key.key_type,
      signatureAlgorithm: wire.key.signature_algorithm,
      keyLength: wire.key.key_length,
    },
  };
}
