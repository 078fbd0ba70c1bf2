import type { CredentialWire } from "@handoff/types";
import type { ServiceContext } from "../context.js";
import type { DeviceKeyRecord, WebAuthnCredentialRecord } from "../storage/records.js";
import { authenticatorName } from "../webauthn/authenticator-name.js";

/** A user's credential as the credential endpoints answer it, with the kind the store needs. */
export interface UserCredential {
  kind: "passkey" | "device_key";
  wire: CredentialWire;
}

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

function passkeyView(passkey: WebAuthnCredentialRecord): UserCredential {
  return {
    kind: "passkey",
    wire: {
      uuid: passkey.id,
      type: "passkey",
      name: passkey.name,
      status: "active",
      created_at: passkey.createdAt.toISOString(),
      last_used_at: iso(passkey.lastUsedAt),
      device_info: authenticatorName(passkey.aaguid),
    },
  };
}

function deviceKeyView(key: DeviceKeyRecord): UserCredential {
  return {
    kind: "device_key",
    wire: {
      uuid: key.id,
      type: "device_key",
      name: key.name ?? (key.deviceInfo || "device key"),
      status: "active",
      created_at: key.createdAt.toISOString(),
      last_used_at: iso(key.lastUsedAt),
      device_info: key.deviceInfo,
    },
  };
}

/** Every passkey and device key of a user, oldest first (passkeys before device keys on a tie). */
export async function listUserCredentials(context: ServiceContext, userId: string): Promise<UserCredential[]> {
  const [passkeys, deviceKeys] = await Promise.all([
    context.storage.credentials.listPasskeys(userId),
    context.storage.credentials.listDeviceKeys(userId),
  ]);
  return [...passkeys.map(passkeyView), ...deviceKeys.map(deviceKeyView)].sort((a, b) =>
    a.wire.created_at === b.wire.created_at ? 0 : a.wire.created_at < b.wire.created_at ? -1 : 1,
  );
}
