import type { DeviceKeyRecord, RevokedCredential, WebAuthnCredentialRecord } from "../records.js";
import { toDeviceKey, toRevokedCredential, toWebAuthnCredential } from "../rows.js";
import { dialectSql, sql } from "../sql/query.js";
import { jsonText, msOrNull, type SqlValue } from "../sql/sql-database.js";
import type { CredentialStore } from "../storage.js";
import { SqlStore } from "./sql-store.js";

/** Inserts a passkey unless its id is registered (then changes nothing): the parameters of {@link passkeyParams}. */
export const INSERT_PASSKEY = sql(
  `INSERT INTO webauthn_credentials (id, user_id, public_key, counter, transports, name, created_at, last_used_at, aaguid)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
);
const GET_PASSKEY = sql("SELECT * FROM webauthn_credentials WHERE id = ?");
const LIST_PASSKEYS = sql("SELECT * FROM webauthn_credentials WHERE user_id = ? ORDER BY created_at, id");
const UPDATE_PASSKEY_COUNTER = sql("UPDATE webauthn_credentials SET counter = ?, last_used_at = ? WHERE id = ?");
/** Deletes a user's passkeys, returning what {@link toRevokedCredential} reads (`?`: the user id). */
export const DELETE_USER_PASSKEYS = sql(
  "DELETE FROM webauthn_credentials WHERE user_id = ? RETURNING id, name, created_at",
);
const INSERT_DEVICE_KEY = sql(
  `INSERT INTO device_keys
     (id, user_id, key_data, key_type, key_length, signature_algorithm, device_info, name, created_at, last_used_at)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
);
const GET_DEVICE_KEY = sql("SELECT * FROM device_keys WHERE id = ?");
const LIST_DEVICE_KEYS = sql("SELECT * FROM device_keys WHERE user_id = ? ORDER BY created_at, id");
/** Deletes a user's device keys, returning what {@link toRevokedCredential} reads (`?`: the user id). */
export const DELETE_USER_DEVICE_KEYS = sql(
  "DELETE FROM device_keys WHERE user_id = ? RETURNING id, COALESCE(name, device_info) AS name, created_at",
);
const TOUCH_DEVICE_KEY = sql("UPDATE device_keys SET last_used_at = ? WHERE id = ?");
const RENAME_PASSKEY = sql("UPDATE webauthn_credentials SET name = ? WHERE id = ? AND user_id = ?");
const RENAME_DEVICE_KEY = sql("UPDATE device_keys SET name = ? WHERE id = ? AND user_id = ?");
/** Locks the user's row for the revoke's transaction on Postgres (SQLite has one writer). */
const LOCK_USER = dialectSql({
  sqlite: "SELECT id FROM users WHERE id = ?",
  postgres: "SELECT id FROM users WHERE id = ? FOR UPDATE",
});
const COUNT_CREDENTIALS = sql(
  `SELECT (SELECT COUNT(*) FROM webauthn_credentials WHERE user_id = ?)
        + (SELECT COUNT(*) FROM device_keys WHERE user_id = ?) AS n`,
);
const DELETE_PASSKEY = sql(
  "DELETE FROM webauthn_credentials WHERE id = ? AND user_id = ? RETURNING id, name, created_at",
);
const DELETE_DEVICE_KEY = sql(
  "DELETE FROM device_keys WHERE id = ? AND user_id = ? RETURNING id, COALESCE(name, device_info) AS name, created_at",
);
const HAS_PASSKEY = sql("SELECT 1 AS found FROM webauthn_credentials WHERE id = ? AND user_id = ?");
const HAS_DEVICE_KEY = sql("SELECT 1 AS found FROM device_keys WHERE id = ? AND user_id = ?");
/**
 * When the passkey's user was verified. On Postgres `FOR SHARE`: a `verify` of this user waits
 * for the inserting transaction, and then sees (and deletes) the passkey. On SQLite the
 * transaction holds the only writer lock.
 */
const READ_VERIFIED_AT = dialectSql({
  sqlite: "SELECT verified_at FROM users WHERE id = ?",
  postgres: "SELECT verified_at FROM users WHERE id = ? FOR SHARE",
});

/** The parameters of {@link INSERT_PASSKEY}. */
export const passkeyParams = (credential: WebAuthnCredentialRecord): SqlValue[] => [
  credential.id,
  credential.userId,
  credential.publicKey,
  credential.counter,
  jsonText(credential.transports),
  credential.name,
  credential.createdAt.getTime(),
  msOrNull(credential.lastUsedAt),
  credential.aaguid,
];

/** {@link CredentialStore} on the `webauthn_credentials` and `device_keys` tables, in either dialect. */
export class SqlCredentialStore extends SqlStore implements CredentialStore {
  async insertPasskey(credential: WebAuthnCredentialRecord): Promise<boolean> {
    return (await this.db.run(INSERT_PASSKEY, passkeyParams(credential))) === 1;
  }

  async insertPasskeyWithCode(
    credential: WebAuthnCredentialRecord,
    codeCreatedAt: Date,
  ): Promise<"inserted" | "credential_exists" | "superseded"> {
    return this.db.transaction(async (tx) => {
      const user = await tx.get(READ_VERIFIED_AT, [credential.userId]);
      if (!user || (user.verified_at !== null && Number(user.verified_at) > codeCreatedAt.getTime())) {
        return "superseded";
      }
      return (await tx.run(INSERT_PASSKEY, passkeyParams(credential))) === 1 ? "inserted" : "credential_exists";
    });
  }

  async getPasskey(id: string): Promise<WebAuthnCredentialRecord | undefined> {
    const row = await this.db.get(GET_PASSKEY, [id]);
    return row && toWebAuthnCredential(row);
  }

  async listPasskeys(userId: string): Promise<WebAuthnCredentialRecord[]> {
    return (await this.db.all(LIST_PASSKEYS, [userId])).map(toWebAuthnCredential);
  }

  async updatePasskeyCounter(id: string, counter: number, usedAt: Date): Promise<void> {
    await this.db.run(UPDATE_PASSKEY_COUNTER, [counter, usedAt.getTime(), id]);
  }

  async insertDeviceKey(key: DeviceKeyRecord): Promise<void> {
    await this.db.run(INSERT_DEVICE_KEY, [
      key.id,
      key.userId,
      key.keyData,
      key.keyType,
      key.keyLength,
      key.signatureAlgorithm,
      key.deviceInfo,
      key.name,
      key.createdAt.getTime(),
      msOrNull(key.lastUsedAt),
    ]);
  }

  async getDeviceKey(id: string): Promise<DeviceKeyRecord | undefined> {
    const row = await this.db.get(GET_DEVICE_KEY, [id]);
    return row && toDeviceKey(row);
  }

  async listDeviceKeys(userId: string): Promise<DeviceKeyRecord[]> {
    return (await this.db.all(LIST_DEVICE_KEYS, [userId])).map(toDeviceKey);
  }

  async touchDeviceKey(id: string, usedAt: Date): Promise<void> {
    await this.db.run(TOUCH_DEVICE_KEY, [usedAt.getTime(), id]);
  }

  async renamePasskey(userId: string, id: string, name: string): Promise<boolean> {
    return (await this.db.run(RENAME_PASSKEY, [name, id, userId])) === 1;
  }

  async renameDeviceKey(userId: string, id: string, name: string): Promise<boolean> {
    return (await this.db.run(RENAME_DEVICE_KEY, [name, id, userId])) === 1;
  }

  async revoke(userId: string, id: string, allowLast: boolean): Promise<RevokedCredential | "not_found" | "last"> {
    return this.db.transaction(async (tx) => {
      await tx.get(LOCK_USER, [userId]);
      const passkey = await tx.get(HAS_PASSKEY, [id, userId]);
      if (!passkey && !(await tx.get(HAS_DEVICE_KEY, [id, userId]))) return "not_found";
      if (!allowLast && Number((await tx.get(COUNT_CREDENTIALS, [userId, userId]))?.n) <= 1) return "last";
      const row = passkey ? await tx.get(DELETE_PASSKEY, [id, userId]) : await tx.get(DELETE_DEVICE_KEY, [id, userId]);
      return row ? toRevokedCredential(passkey ? "passkey" : "device_key", row) : "not_found";
    });
  }
}
