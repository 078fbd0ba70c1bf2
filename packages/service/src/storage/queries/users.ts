import type {
  AccountVerification,
  UserDeactivation,
  UserDeletion,
  UserRecord,
  WebAuthnCredentialRecord,
} from "../records.js";
import { toRevokedCredential, toUser } from "../rows.js";
import { sql } from "../sql/query.js";
import { msOrNull } from "../sql/sql-database.js";
import type { UserStore } from "../storage.js";
import { DELETE_USER_ATTEMPTS } from "./attempts.js";
import { DELETE_USER_CHALLENGES } from "./challenges.js";
import { DELETE_ALL_USER_CODES, DELETE_USER_CODES } from "./codes.js";
import { DELETE_USER_DEVICE_KEYS, DELETE_USER_PASSKEYS, INSERT_PASSKEY, passkeyParams } from "./credentials.js";
import { SqlStore } from "./sql-store.js";

const INSERT = sql(
  "INSERT INTO users (id, namespace_id, username, created_at, verified_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
);
const GET_BY_ID = sql("SELECT * FROM users WHERE namespace_id = ? AND id = ?");
const GET_BY_NAME = sql("SELECT * FROM users WHERE namespace_id = ? AND username = ?");
const VERIFY = sql("UPDATE users SET verified_at = ? WHERE id = ? AND verified_at IS NULL");
const DEACTIVATE = sql(
  "UPDATE users SET deactivated_at = COALESCE(deactivated_at, ?) WHERE namespace_id = ? AND id = ? RETURNING *",
);
const ACTIVATE = sql("UPDATE users SET deactivated_at = NULL WHERE namespace_id = ? AND id = ? RETURNING *");
const DELETE = sql("DELETE FROM users WHERE namespace_id = ? AND id = ? RETURNING *");

/** Thrown inside a transaction to roll it back when a credential id is already registered. */
const CREDENTIAL_EXISTS = Symbol("credential exists");

const userParams = (user: UserRecord) => [
  user.id,
  user.namespaceId,
  user.username,
  user.createdAt.getTime(),
  msOrNull(user.verifiedAt),
];

/** {@link UserStore} on the `users` table, in either dialect, with the transactions that span an account. */
export class SqlUserStore extends SqlStore implements UserStore {
  async insert(user: UserRecord): Promise<boolean> {
    return (await this.db.run(INSERT, userParams(user))) === 1;
  }

  async getById(namespaceId: string, id: string): Promise<UserRecord | undefined> {
    const row = await this.db.get(GET_BY_ID, [namespaceId, id]);
    return row && toUser(row);
  }

  async getByName(namespaceId: string, username: string): Promise<UserRecord | undefined> {
    const row = await this.db.get(GET_BY_NAME, [namespaceId, username]);
    return row && toUser(row);
  }

  async insertWithPasskey(
    user: UserRecord,
    credential: WebAuthnCredentialRecord,
  ): Promise<"inserted" | "user_exists" | "credential_exists"> {
    return this.db
      .transaction(async (tx) => {
        if ((await tx.run(INSERT, userParams(user))) !== 1) return "user_exists" as const;
        // A credential id registered already (or meanwhile): undo the user (the thrown marker rolls back).
        if ((await tx.run(INSERT_PASSKEY, passkeyParams(credential))) !== 1) throw CREDENTIAL_EXISTS;
        return "inserted" as const;
      })
      .catch((error: unknown) => {
        if (error === CREDENTIAL_EXISTS) return "credential_exists" as const;
        throw error;
      });
  }

  async verify(userId: string, now: Date): Promise<AccountVerification | undefined> {
    return this.db.transaction(async (tx) => {
      // The UPDATE locks the user row first (Postgres); each DELETE after it then reads a fresh
      // snapshot (READ COMMITTED), so a passkey committed by a transaction it waited for
      // (insertPasskeyWithCode reads the row FOR SHARE) is deleted too. SQLite: one writer.
      if ((await tx.run(VERIFY, [now.getTime(), userId])) !== 1) return undefined;
      const passkeys = await tx.all(DELETE_USER_PASSKEYS, [userId]);
      const deviceKeys = await tx.all(DELETE_USER_DEVICE_KEYS, [userId]);
      const codes = await tx.all(DELETE_USER_CODES, [userId]);
      await tx.run(DELETE_USER_CHALLENGES, [userId]);
      return {
        revoked: [
          ...passkeys.map((row) => toRevokedCredential("passkey", row)),
          ...deviceKeys.map((row) => toRevokedCredential("device_key", row)),
        ],
        deletedCodes: codes.map((row) => String(row.id)),
      };
    });
  }

  async deactivate(namespaceId: string, id: string, now: Date): Promise<UserDeactivation | undefined> {
    return this.db.transaction(async (tx) => {
      // The UPDATE locks the user row first (Postgres), as in verify.
      const row = await tx.get(DEACTIVATE, [now.getTime(), namespaceId, id]);
      if (!row) return undefined;
      const codes = await tx.all(DELETE_USER_CODES, [id]);
      return { user: toUser(row), deletedCodes: codes.map((code) => String(code.id)) };
    });
  }

  async activate(namespaceId: string, id: string): Promise<UserRecord | undefined> {
    const row = await this.db.get(ACTIVATE, [namespaceId, id]);
    return row && toUser(row);
  }

  async delete(namespaceId: string, id: string): Promise<UserDeletion | undefined> {
    return this.db.transaction(async (tx) => {
      const row = await tx.get(DELETE, [namespaceId, id]);
      if (!row) return undefined;
      // Attempt counters before codes: a code request's transaction locks them in that order
      // (a wrong code is counted, then a lock-out deletes the codes), so the two never deadlock.
      await tx.run(DELETE_USER_ATTEMPTS, [id]);
      await tx.run(DELETE_USER_PASSKEYS, [id]);
      await tx.run(DELETE_USER_DEVICE_KEYS, [id]);
      const codes = await tx.all(DELETE_ALL_USER_CODES, [id]);
      await tx.run(DELETE_USER_CHALLENGES, [id]);
      const live = codes.filter((code) => code.consumed_at == null);
      return { user: toUser(row), deletedCodes: live.map((code) => String(code.id)) };
    });
  }
}
