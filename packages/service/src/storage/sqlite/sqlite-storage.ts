import { DatabaseSync, type SQLInputValue, type StatementSync } from "node:sqlite";
import { type RateLimiterAbstract, RateLimiterMemory } from "rate-limiter-flexible";
import { type PurgeCounts, purgeInBatches } from "../purge.js";
import type {
  AccountVerification,
  ChallengeRecord,
  ClientRecord,
  CodeRecord,
  DeviceKeyRecord,
  RequestInfo,
  SigningKeyRecord,
  UserRecord,
  WebAuthnCredentialRecord,
} from "../records.js";
import {
  type Row,
  toChallenge,
  toClient,
  toCode,
  toDeviceKey,
  toRevokedCredential,
  toSigningKey,
  toUser,
  toWebAuthnCredential,
} from "../rows.js";
import type { AttemptState, CodeQuery, RateLimiterOptions, Storage } from "../storage.js";
import { MIGRATIONS } from "./migrations.js";

const ms = (value: Date | null): number | null => (value === null ? null : value.getTime());

/**
 * {@link Storage} on SQLite through `node:sqlite`: a file that survives restarts, or `:memory:`.
 * Every "atomic" method is one statement, and SQLite serialises writers.
 */
export class SqliteStorage implements Storage {
  readonly #db: DatabaseSync;
  /** Prepared statements by SQL text: preparing costs more than running most of these queries. */
  readonly #statements = new Map<string, StatementSync>();

  /** Opens (and creates) the database at `path`, or an in-memory one for `":memory:"`. */
  constructor(path: string) {
    this.#db = new DatabaseSync(path);
    this.#db.exec(
      "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;",
    );
  }

  #statement(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #all(sql: string, ...params: SQLInputValue[]): Row[] {
    return this.#statement(sql).all(...params) as Row[];
  }

  #get(sql: string, ...params: SQLInputValue[]): Row | undefined {
    return this.#statement(sql).get(...params) as Row | undefined;
  }

  #run(sql: string, ...params: SQLInputValue[]): number {
    return Number(this.#statement(sql).run(...params).changes);
  }

  async migrate(): Promise<void> {
    const version = Number(this.#get("PRAGMA user_version")?.user_version ?? 0);
    for (let index = version; index < MIGRATIONS.length; index++) {
      this.#transaction(() => {
        this.#db.exec(MIGRATIONS[index] as string);
        this.#db.exec(`PRAGMA user_version = ${index + 1}`);
      });
    }
  }

  async close(): Promise<void> {
    if (this.#db.isOpen) this.#db.close();
  }

  async insertClient(client: ClientRecord): Promise<void> {
    this.#run(
      "INSERT INTO clients (id, name, namespace_id, public_key_jwk, origins, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      client.id,
      client.name,
      client.namespaceId,
      JSON.stringify(client.publicKeyJwk),
      JSON.stringify(client.origins),
      client.createdAt.getTime(),
    );
  }

  async getClient(id: string): Promise<ClientRecord | undefined> {
    const row = this.#get("SELECT * FROM clients WHERE id = ?", id);
    return row && toClient(row);
  }

  async listClients(): Promise<ClientRecord[]> {
    return this.#all("SELECT * FROM clients ORDER BY created_at, id").map(toClient);
  }

  async insertUser(user: UserRecord): Promise<boolean> {
    return this.#insertUser(user);
  }

  #insertUser(user: UserRecord): boolean {
    return (
      this.#run(
        "INSERT INTO users (id, namespace_id, username, created_at, verified_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        user.id,
        user.namespaceId,
        user.username,
        user.createdAt.getTime(),
        ms(user.verifiedAt),
      ) === 1
    );
  }

  async getUserById(namespaceId: string, id: string): Promise<UserRecord | undefined> {
    const row = this.#get("SELECT * FROM users WHERE namespace_id = ? AND id = ?", namespaceId, id);
    return row && toUser(row);
  }

  async getUserByName(namespaceId: string, username: string): Promise<UserRecord | undefined> {
    const row = this.#get("SELECT * FROM users WHERE namespace_id = ? AND username = ?", namespaceId, username);
    return row && toUser(row);
  }

  /** Runs `work` in one write transaction (node:sqlite is synchronous: nothing interleaves). */
  #transaction<T>(work: () => T): T {
    this.#db.exec("BEGIN IMMEDIATE");
    try {
      const result = work();
      this.#db.exec("COMMIT");
      return result;
    } catch (error) {
      this.#db.exec("ROLLBACK");
      throw error;
    }
  }

  async insertUserWithPasskey(
    user: UserRecord,
    credential: WebAuthnCredentialRecord,
  ): Promise<"inserted" | "user_exists" | "credential_exists"> {
    return this.#transaction(() => {
      if (this.#get("SELECT 1 AS found FROM webauthn_credentials WHERE id = ?", credential.id)) {
        return "credential_exists";
      }
      if (!this.#insertUser(user)) return "user_exists";
      this.#insertWebAuthnCredential(credential);
      return "inserted";
    });
  }

  async insertPasskeyWithCode(
    credential: WebAuthnCredentialRecord,
    codeCreatedAt: Date,
  ): Promise<"inserted" | "credential_exists" | "superseded"> {
    return this.#transaction(() => {
      const user = this.#get("SELECT verified_at FROM users WHERE id = ?", credential.userId);
      if (!user || (user.verified_at !== null && Number(user.verified_at) > codeCreatedAt.getTime()))
        return "superseded";
      return this.#insertWebAuthnCredential(credential) ? "inserted" : "credential_exists";
    });
  }

  async verifyUser(userId: string, now: Date): Promise<AccountVerification | undefined> {
    return this.#transaction(() => {
      if (
        this.#run("UPDATE users SET verified_at = ? WHERE id = ? AND verified_at IS NULL", now.getTime(), userId) !== 1
      ) {
        return undefined;
      }
      const passkeys = this.#all(
        "DELETE FROM webauthn_credentials WHERE user_id = ? RETURNING id, name, created_at",
        userId,
      );
      const deviceKeys = this.#all(
        "DELETE FROM device_keys WHERE user_id = ? RETURNING id, device_info AS name, created_at",
        userId,
      );
      const codes = this.#all("DELETE FROM codes WHERE user_id = ? AND consumed_at IS NULL RETURNING id", userId);
      this.#run("DELETE FROM challenges WHERE user_id = ?", userId);
      return {
        revoked: [
          ...passkeys.map((row) => toRevokedCredential("passkey", row)),
          ...deviceKeys.map((row) => toRevokedCredential("device_key", row)),
        ],
        deletedCodes: codes.map((row) => String(row.id)),
      };
    });
  }

  async insertCode(code: CodeRecord): Promise<void> {
    this.#run(
      `INSERT INTO codes (id, client_id, user_id, type, purpose, hash, created_at, expires_at, authorized_at, consumed_at, request_info, proves_email)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      code.id,
      code.clientId,
      code.userId,
      code.type,
      code.purpose,
      code.hash,
      code.createdAt.getTime(),
      code.expiresAt.getTime(),
      ms(code.authorizedAt),
      ms(code.consumedAt),
      code.requestInfo === null ? null : JSON.stringify(code.requestInfo),
      code.provesEmail ? 1 : 0,
    );
  }

  async listCodes(query: CodeQuery): Promise<CodeRecord[]> {
    return this.#all(
      "SELECT * FROM codes WHERE client_id = ? AND user_id = ? AND purpose = ? AND type = ? AND consumed_at IS NULL ORDER BY created_at",
      query.clientId,
      query.userId,
      query.purpose,
      query.type,
    ).map(toCode);
  }

  async reserveCodeGuess(query: CodeQuery): Promise<CodeRecord[]> {
    return this.#all(
      `UPDATE codes SET guesses = guesses + 1
       WHERE client_id = ? AND user_id = ? AND purpose = ? AND type = ? AND consumed_at IS NULL RETURNING *`,
      query.clientId,
      query.userId,
      query.purpose,
      query.type,
    ).map(toCode);
  }

  async returnCodeGuess(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    this.#run(
      "UPDATE codes SET guesses = guesses - 1 WHERE id IN (SELECT value FROM json_each(?)) AND guesses > 0",
      JSON.stringify(ids),
    );
  }

  async deleteGuessedCodes(query: CodeQuery, guesses: number): Promise<string[]> {
    return this.#all(
      `DELETE FROM codes WHERE client_id = ? AND user_id = ? AND purpose = ? AND type = ?
       AND consumed_at IS NULL AND guesses >= ? RETURNING id`,
      query.clientId,
      query.userId,
      query.purpose,
      query.type,
      guesses,
    ).map((row) => String(row.id));
  }

  async isConsumedCode(query: CodeQuery, hash: string): Promise<boolean> {
    return (
      this.#get(
        `SELECT 1 AS found FROM codes WHERE client_id = ? AND user_id = ? AND purpose = ? AND type = ?
         AND consumed_at IS NOT NULL AND hash = ?`,
        query.clientId,
        query.userId,
        query.purpose,
        query.type,
        hash,
      ) !== undefined
    );
  }

  createRateLimiter(options: RateLimiterOptions): RateLimiterAbstract {
    return new RateLimiterMemory({
      keyPrefix: options.keyPrefix,
      points: options.points,
      duration: options.durationSeconds,
    });
  }

  async getCode(id: string): Promise<CodeRecord | undefined> {
    const row = this.#get("SELECT * FROM codes WHERE id = ?", id);
    return row && toCode(row);
  }

  async authorizeCode(id: string, now: Date): Promise<boolean> {
    return (
      this.#run(
        "UPDATE codes SET authorized_at = COALESCE(authorized_at, ?) WHERE id = ? AND consumed_at IS NULL AND expires_at > ?",
        now.getTime(),
        id,
        now.getTime(),
      ) === 1
    );
  }

  async recordCodeRequester(id: string, info: RequestInfo): Promise<boolean> {
    return (
      this.#run("UPDATE codes SET request_info = ? WHERE id = ? AND request_info IS NULL", JSON.stringify(info), id) ===
      1
    );
  }

  async consumeCode(id: string, now: Date): Promise<boolean> {
    return (
      this.#run(
        "UPDATE codes SET consumed_at = ? WHERE id = ? AND consumed_at IS NULL AND authorized_at IS NOT NULL AND expires_at > ?",
        now.getTime(),
        id,
        now.getTime(),
      ) === 1
    );
  }

  async deleteCodes(query: { clientId: string; userId: string; purpose: string; type?: string }): Promise<string[]> {
    const typeClause = query.type === undefined ? "" : " AND type = ?";
    const params: SQLInputValue[] = [query.clientId, query.userId, query.purpose];
    if (query.type !== undefined) params.push(query.type);
    return this.#all(
      `DELETE FROM codes WHERE client_id = ? AND user_id = ? AND purpose = ?${typeClause} AND consumed_at IS NULL RETURNING id`,
      ...params,
    ).map((row) => String(row.id));
  }

  async purgeExpired(now: Date, codeRetentionMs: number): Promise<PurgeCounts> {
    // The table and column names come from PURGED_TABLES, never from a request.
    return purgeInBatches(now, codeRetentionMs, async ({ table, endsAt }, cutoff, limit) =>
      this.#run(
        `DELETE FROM ${table} WHERE rowid IN (SELECT rowid FROM ${table} WHERE ${endsAt} <= ? LIMIT ?)`,
        cutoff,
        limit,
      ),
    );
  }

  async recordFailure(key: string, windowMs: number, now: Date): Promise<AttemptState> {
    const row = this.#get(
      `INSERT INTO attempts (key, failures, window_ends_at) VALUES (?, 1, ?)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN attempts.window_ends_at <= ? THEN 1 ELSE attempts.failures + 1 END,
         window_ends_at = CASE WHEN attempts.window_ends_at <= ? THEN excluded.window_ends_at ELSE attempts.window_ends_at END
       RETURNING failures, window_ends_at`,
      key,
      now.getTime() + windowMs,
      now.getTime(),
      now.getTime(),
    ) as Row;
    return { failures: Number(row.failures), windowEndsAt: new Date(Number(row.window_ends_at)) };
  }

  async getFailures(key: string, now: Date): Promise<AttemptState | undefined> {
    const row = this.#get(
      "SELECT failures, window_ends_at FROM attempts WHERE key = ? AND window_ends_at > ?",
      key,
      now.getTime(),
    );
    return row && { failures: Number(row.failures), windowEndsAt: new Date(Number(row.window_ends_at)) };
  }

  async forgiveFailure(key: string): Promise<void> {
    this.#run("UPDATE attempts SET failures = failures - 1 WHERE key = ? AND failures > 0", key);
  }

  async useNonce(clientId: string, nonce: string, expiresAt: Date, now: Date): Promise<boolean> {
    // Inserts the nonce, or takes over an expired row the purge has not deleted yet.
    return (
      this.#run(
        `INSERT INTO nonces (client_id, nonce, expires_at) VALUES (?, ?, ?)
         ON CONFLICT (client_id, nonce) DO UPDATE SET expires_at = excluded.expires_at WHERE nonces.expires_at <= ?`,
        clientId,
        nonce,
        expiresAt.getTime(),
        now.getTime(),
      ) === 1
    );
  }

  async listSigningKeys(): Promise<SigningKeyRecord[]> {
    return this.#all("SELECT * FROM signing_keys ORDER BY created_at DESC, kid").map(toSigningKey);
  }

  async insertSigningKey(key: SigningKeyRecord): Promise<void> {
    this.#run(
      "INSERT INTO signing_keys (kid, private_jwk, public_jwk, created_at, retired_at) VALUES (?, ?, ?, ?, ?)",
      key.kid,
      JSON.stringify(key.privateJwk),
      JSON.stringify(key.publicJwk),
      key.createdAt.getTime(),
      ms(key.retiredAt),
    );
  }

  async retireSigningKeys(except: string, now: Date): Promise<void> {
    this.#run("UPDATE signing_keys SET retired_at = ? WHERE kid <> ? AND retired_at IS NULL", now.getTime(), except);
  }

  async getOrCreateSecret(name: string, create: () => string): Promise<string> {
    this.#run("INSERT INTO secrets (name, value) VALUES (?, ?) ON CONFLICT DO NOTHING", name, create());
    return String((this.#get("SELECT value FROM secrets WHERE name = ?", name) as Row).value);
  }

  async insertChallenge(challenge: ChallengeRecord): Promise<void> {
    this.#run(
      "INSERT INTO challenges (challenge, kind, client_id, user_id, data, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
      challenge.challenge,
      challenge.kind,
      challenge.clientId,
      challenge.userId,
      JSON.stringify(challenge.data),
      challenge.expiresAt.getTime(),
    );
  }

  async takeChallenge(challenge: string, kind: string): Promise<ChallengeRecord | undefined> {
    const row = this.#get("DELETE FROM challenges WHERE challenge = ? AND kind = ? RETURNING *", challenge, kind);
    return row && toChallenge(row);
  }

  async insertWebAuthnCredential(credential: WebAuthnCredentialRecord): Promise<boolean> {
    return this.#insertWebAuthnCredential(credential);
  }

  #insertWebAuthnCredential(credential: WebAuthnCredentialRecord): boolean {
    return (
      this.#run(
        `INSERT INTO webauthn_credentials (id, user_id, public_key, counter, transports, name, created_at, last_used_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        credential.id,
        credential.userId,
        credential.publicKey,
        credential.counter,
        JSON.stringify(credential.transports),
        credential.name,
        credential.createdAt.getTime(),
        ms(credential.lastUsedAt),
      ) === 1
    );
  }

  async getWebAuthnCredential(id: string): Promise<WebAuthnCredentialRecord | undefined> {
    const row = this.#get("SELECT * FROM webauthn_credentials WHERE id = ?", id);
    return row && toWebAuthnCredential(row);
  }

  async listWebAuthnCredentials(userId: string): Promise<WebAuthnCredentialRecord[]> {
    return this.#all("SELECT * FROM webauthn_credentials WHERE user_id = ? ORDER BY created_at", userId).map(
      toWebAuthnCredential,
    );
  }

  async updateWebAuthnCounter(id: string, counter: number, usedAt: Date): Promise<void> {
    this.#run(
      "UPDATE webauthn_credentials SET counter = ?, last_used_at = ? WHERE id = ?",
      counter,
      usedAt.getTime(),
      id,
    );
  }

  async insertDeviceKey(key: DeviceKeyRecord): Promise<void> {
    this.#run(
      `INSERT INTO device_keys (id, user_id, key_data, key_type, key_length, signature_algorithm, device_info, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      key.id,
      key.userId,
      key.keyData,
      key.keyType,
      key.keyLength,
      key.signatureAlgorithm,
      key.deviceInfo,
      key.createdAt.getTime(),
    );
  }

  async getDeviceKey(id: string): Promise<DeviceKeyRecord | undefined> {
    const row = this.#get("SELECT * FROM device_keys WHERE id = ?", id);
    return row && toDeviceKey(row);
  }

  async listDeviceKeys(userId: string): Promise<DeviceKeyRecord[]> {
    return this.#all("SELECT * FROM device_keys WHERE user_id = ? ORDER BY created_at", userId).map(toDeviceKey);
  }
}
