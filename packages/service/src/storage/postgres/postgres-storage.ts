import { type ClientConfig, Pool } from "pg";
import { type RateLimiterAbstract, RateLimiterPostgres } from "rate-limiter-flexible";
import type { Logger } from "../../logger.js";
import { PURGE_BATCH_ROWS, type PurgeCounts, purgeInBatches } from "../purge.js";
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
import type {
  AttemptState,
  CodeEventListener,
  CodeQuery,
  RateLimiterOptions,
  SharedCodeEvent,
  Storage,
} from "../storage.js";
import { CODE_EVENTS_CHANNEL, encodeCodeEvent, listenForCodeEvents } from "./code-events.js";
import { migratePostgres } from "./migrate-postgres.js";

/** How {@link PostgresStorage} connects and reports. */
export interface PostgresStorageOptions {
  /** Where pool errors and LISTEN reconnections are logged. Default: nowhere. */
  logger?: Logger;
  /** Most pooled connections this instance opens; the LISTEN session is one more. Default: 10. */
  maxConnections?: number;
  /** First delay before re-opening a dropped LISTEN session, doubled per failure up to 5 s. Default: 100. */
  reconnectDelayMs?: number;
}

type Param = string | number | null;

const ms = (value: Date | null): number | null => (value === null ? null : value.getTime());
/** Thrown inside a transaction to roll it back when a credential id is already registered. */
const CREDENTIAL_EXISTS = Symbol("credential exists");
const webAuthnCredentialParams = (credential: WebAuthnCredentialRecord): Param[] => [
  credential.id,
  credential.userId,
  credential.publicKey,
  credential.counter,
  JSON.stringify(credential.transports),
  credential.name,
  credential.createdAt.getTime(),
  ms(credential.lastUsedAt),
];
const attemptState = (row: Row): AttemptState => ({
  failures: Number(row.failures),
  windowEndsAt: new Date(Number(row.window_ends_at)),
});

/**
 * {@link Storage} on PostgreSQL through a `pg` pool, for several service instances sharing one
 * database. Every "atomic" method is one statement: under READ COMMITTED, concurrent updates of
 * one row wait for each other and re-check their `WHERE`, so exactly one consumer of a code wins,
 * and `INSERT … ON CONFLICT` counts failures and nonces without lost updates. Code events travel
 * between instances by LISTEN/NOTIFY.
 *
 * @example
 * const storage = new PostgresStorage("postgres://handoff:secret@db.internal:5432/handoff");
 * await storage.migrate();
 * const user = await storage.getUserByName(namespaceId, "alice@example.com");
 * await storage.close();
 */
export class PostgresStorage implements Storage {
  readonly #pool: Pool;
  readonly #config: ClientConfig;
  readonly #logger: Logger;
  readonly #reconnectDelayMs: number | undefined;
  readonly #instanceId = crypto.randomUUID();
  readonly #subscriptions = new Set<() => Promise<void>>();

  /** Prepares a pool for `connectionString` (`postgres://user:password@host:port/database?sslmode=…`); connects lazily. */
  constructor(connectionString: string, options: PostgresStorageOptions = {}) {
    this.#config = { connectionString, application_name: "handoff" };
    this.#logger = options.logger ?? (() => {});
    this.#reconnectDelayMs = options.reconnectDelayMs;
    this.#pool = new Pool({ ...this.#config, max: options.maxConnections ?? 10 });
    // An idle pooled connection that dies must not crash the process; the pool replaces it.
    this.#pool.on("error", (error) =>
      this.#logger({ level: "warn", msg: "postgres pool error", error: error.message }),
    );
  }

  async #all(sql: string, ...params: Param[]): Promise<Row[]> {
    return (await this.#pool.query<Row>(sql, params)).rows;
  }

  async #get(sql: string, ...params: Param[]): Promise<Row | undefined> {
    return (await this.#all(sql, ...params))[0];
  }

  async #run(sql: string, ...params: Param[]): Promise<number> {
    return (await this.#pool.query(sql, params)).rowCount ?? 0;
  }

  migrate(): Promise<void> {
    return migratePostgres(this.#pool);
  }

  async close(): Promise<void> {
    await Promise.all([...this.#subscriptions].map((stop) => stop()));
    if (!this.#pool.ended) await this.#pool.end();
  }

  async subscribeCodeEvents(listener: CodeEventListener): Promise<() => Promise<void>> {
    const stopListening = await listenForCodeEvents({
      config: { ...this.#config, application_name: "handoff:listen" },
      instanceId: this.#instanceId,
      listener,
      logger: this.#logger,
      ...(this.#reconnectDelayMs === undefined ? {} : { reconnectDelayMs: this.#reconnectDelayMs }),
    });
    const stop = async () => {
      this.#subscriptions.delete(stop);
      await stopListening();
    };
    this.#subscriptions.add(stop);
    return stop;
  }

  async publishCodeEvent(codeId: string, event: SharedCodeEvent): Promise<void> {
    const payload = encodeCodeEvent({ instanceId: this.#instanceId, codeId, event });
    await this.#pool.query("SELECT pg_notify($1, $2)", [CODE_EVENTS_CHANNEL, payload]);
  }

  async insertClient(client: ClientRecord): Promise<void> {
    await this.#run(
      "INSERT INTO clients (id, name, namespace_id, public_key_jwk, origins, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
      client.id,
      client.name,
      client.namespaceId,
      JSON.stringify(client.publicKeyJwk),
      JSON.stringify(client.origins),
      client.createdAt.getTime(),
    );
  }

  async getClient(id: string): Promise<ClientRecord | undefined> {
    const row = await this.#get("SELECT * FROM clients WHERE id = $1", id);
    return row && toClient(row);
  }

  async listClients(): Promise<ClientRecord[]> {
    return (await this.#all("SELECT * FROM clients ORDER BY created_at, id")).map(toClient);
  }

  async insertUser(user: UserRecord): Promise<boolean> {
    const inserted = await this.#run(
      "INSERT INTO users (id, namespace_id, username, created_at, verified_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
      user.id,
      user.namespaceId,
      user.username,
      user.createdAt.getTime(),
      ms(user.verifiedAt),
    );
    return inserted === 1;
  }

  async getUserById(namespaceId: string, id: string): Promise<UserRecord | undefined> {
    const row = await this.#get("SELECT * FROM users WHERE namespace_id = $1 AND id = $2", namespaceId, id);
    return row && toUser(row);
  }

  async getUserByName(namespaceId: string, username: string): Promise<UserRecord | undefined> {
    const row = await this.#get("SELECT * FROM users WHERE namespace_id = $1 AND username = $2", namespaceId, username);
    return row && toUser(row);
  }

  async insertUserWithPasskey(
    user: UserRecord,
    credential: WebAuthnCredentialRecord,
  ): Promise<"inserted" | "user_exists" | "credential_exists"> {
    const outcome = await this.#transaction(async (query) => {
      const users = await query(
        `INSERT INTO users (id, namespace_id, username, created_at, verified_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT DO NOTHING RETURNING id`,
        user.id,
        user.namespaceId,
        user.username,
        user.createdAt.getTime(),
        ms(user.verifiedAt),
      );
      if (users.length !== 1) return "user_exists" as const;
      const credentials = await query(
        `INSERT INTO webauthn_credentials (id, user_id, public_key, counter, transports, name, created_at, last_used_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING id`,
        ...webAuthnCredentialParams(credential),
      );
      // A credential id registered meanwhile: undo the user (the thrown marker rolls back).
      if (credentials.length !== 1) throw CREDENTIAL_EXISTS;
      return "inserted" as const;
    }).catch((error: unknown) => {
      if (error === CREDENTIAL_EXISTS) return "credential_exists" as const;
      throw error;
    });
    return outcome;
  }

  /** Runs `work` in one transaction on one pooled connection. */
  async #transaction<T>(work: (query: (sql: string, ...params: Param[]) => Promise<Row[]>) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    try {
      await client.query("BEGIN");
      const result = await work(async (sql, ...params) => (await client.query<Row>(sql, params)).rows);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async insertPasskeyWithCode(
    credential: WebAuthnCredentialRecord,
    codeCreatedAt: Date,
  ): Promise<"inserted" | "credential_exists" | "superseded"> {
    return this.#transaction(async (query) => {
      // FOR SHARE: a verifyUser of this user waits for this transaction, and then sees the passkey.
      const [user] = await query("SELECT verified_at FROM users WHERE id = $1 FOR SHARE", credential.userId);
      if (!user || (user.verified_at !== null && Number(user.verified_at) > codeCreatedAt.getTime()))
        return "superseded";
      const inserted = await query(
        `INSERT INTO webauthn_credentials (id, user_id, public_key, counter, transports, name, created_at, last_used_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING id`,
        ...webAuthnCredentialParams(credential),
      );
      return inserted.length === 1 ? "inserted" : "credential_exists";
    });
  }

  async verifyUser(userId: string, now: Date): Promise<AccountVerification | undefined> {
    return this.#transaction(async (query) => {
      // The UPDATE locks the user row first; each DELETE after it then reads a fresh snapshot
      // (READ COMMITTED), so a passkey committed by a transaction it waited for is deleted too.
      const verified = await query(
        "UPDATE users SET verified_at = $2 WHERE id = $1 AND verified_at IS NULL RETURNING id",
        userId,
        now.getTime(),
      );
      if (verified.length === 0) return undefined;
      const passkeys = await query(
        "DELETE FROM webauthn_credentials WHERE user_id = $1 RETURNING id, name, created_at",
        userId,
      );
      const deviceKeys = await query(
        "DELETE FROM device_keys WHERE user_id = $1 RETURNING id, device_info AS name, created_at",
        userId,
      );
      const codes = await query("DELETE FROM codes WHERE user_id = $1 AND consumed_at IS NULL RETURNING id", userId);
      await query("DELETE FROM challenges WHERE user_id = $1", userId);
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
    await this.#run(
      `INSERT INTO codes (id, client_id, user_id, type, purpose, hash, created_at, expires_at, authorized_at, consumed_at, request_info, proves_email)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
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
    const rows = await this.#all(
      `SELECT * FROM codes WHERE client_id = $1 AND user_id = $2 AND purpose = $3 AND type = $4 AND consumed_at IS NULL
       ORDER BY created_at, id`,
      query.clientId,
      query.userId,
      query.purpose,
      query.type,
    );
    return rows.map(toCode);
  }

  async reserveCodeGuess(query: CodeQuery): Promise<CodeRecord[]> {
    const rows = await this.#all(
      `UPDATE codes SET guesses = guesses + 1
       WHERE client_id = $1 AND user_id = $2 AND purpose = $3 AND type = $4 AND consumed_at IS NULL RETURNING *`,
      query.clientId,
      query.userId,
      query.purpose,
      query.type,
    );
    return rows.map(toCode);
  }

  async returnCodeGuess(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.#run(
      "UPDATE codes SET guesses = guesses - 1 WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb)) AND guesses > 0",
      JSON.stringify(ids),
    );
  }

  async deleteGuessedCodes(query: CodeQuery, guesses: number): Promise<string[]> {
    const rows = await this.#all(
      `DELETE FROM codes WHERE client_id = $1 AND user_id = $2 AND purpose = $3 AND type = $4
       AND consumed_at IS NULL AND guesses >= $5 RETURNING id`,
      query.clientId,
      query.userId,
      query.purpose,
      query.type,
      guesses,
    );
    return rows.map((row) => String(row.id));
  }

  async isConsumedCode(query: CodeQuery, hash: string): Promise<boolean> {
    const row = await this.#get(
      `SELECT 1 AS found FROM codes WHERE client_id = $1 AND user_id = $2 AND purpose = $3 AND type = $4
       AND consumed_at IS NOT NULL AND hash = $5 LIMIT 1`,
      query.clientId,
      query.userId,
      query.purpose,
      query.type,
      hash,
    );
    return row !== undefined;
  }

  createRateLimiter(options: RateLimiterOptions): RateLimiterAbstract {
    // The table is created by the migrations, and its ended rows go with the purge (purgeExpired).
    return new RateLimiterPostgres({
      storeClient: this.#pool,
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true,
      clearExpiredByTimeout: false,
      keyPrefix: options.keyPrefix,
      points: options.points,
      duration: options.durationSeconds,
    });
  }

  async getCode(id: string): Promise<CodeRecord | undefined> {
    const row = await this.#get("SELECT * FROM codes WHERE id = $1", id);
    return row && toCode(row);
  }

  async authorizeCode(id: string, now: Date): Promise<boolean> {
    const updated = await this.#run(
      "UPDATE codes SET authorized_at = COALESCE(authorized_at, $1) WHERE id = $2 AND consumed_at IS NULL AND expires_at > $1",
      now.getTime(),
      id,
    );
    return updated === 1;
  }

  async recordCodeRequester(id: string, info: RequestInfo): Promise<boolean> {
    // A concurrent writer blocks on the row lock, then re-checks `request_info IS NULL` and loses.
    const updated = await this.#run(
      "UPDATE codes SET request_info = $1 WHERE id = $2 AND request_info IS NULL",
      JSON.stringify(info),
      id,
    );
    return updated === 1;
  }

  async consumeCode(id: string, now: Date): Promise<boolean> {
    // A concurrent consumer blocks on the row lock, then re-checks `consumed_at IS NULL` and loses.
    const updated = await this.#run(
      "UPDATE codes SET consumed_at = $1 WHERE id = $2 AND consumed_at IS NULL AND authorized_at IS NOT NULL AND expires_at > $1",
      now.getTime(),
      id,
    );
    return updated === 1;
  }

  async deleteCodes(query: { clientId: string; userId: string; purpose: string; type?: string }): Promise<string[]> {
    const params: Param[] = [query.clientId, query.userId, query.purpose];
    if (query.type !== undefined) params.push(query.type);
    const typeClause = query.type === undefined ? "" : " AND type = $4";
    const rows = await this.#all(
      `DELETE FROM codes WHERE client_id = $1 AND user_id = $2 AND purpose = $3${typeClause} AND consumed_at IS NULL RETURNING id`,
      ...params,
    );
    return rows.map((row) => String(row.id));
  }

  async purgeExpired(now: Date, codeRetentionMs: number): Promise<PurgeCounts> {
    // The table and column names come from PURGED_TABLES, never from a request. SKIP LOCKED:
    // instances purging at once take different rows, never wait for (or deadlock with) each
    // other, and leave alone a row a request is updating; the outer condition is re-checked on
    // a row updated meanwhile (a nonce or attempt counter just renewed is not deleted).
    const counts = await purgeInBatches(now, codeRetentionMs, ({ table, endsAt }, cutoff, limit) =>
      this.#run(
        `DELETE FROM ${table} WHERE ctid = ANY(ARRAY(
           SELECT ctid FROM ${table} WHERE ${endsAt} <= $1 LIMIT $2 FOR UPDATE SKIP LOCKED
         )) AND ${endsAt} <= $1`,
        cutoff,
        limit,
      ),
    );
    // The per-address limiter's rows (rate-limiter-flexible), written by anonymous wrong codes.
    for (;;) {
      const deleted = await this.#run(
        `DELETE FROM rate_limits WHERE key = ANY(ARRAY(
           SELECT key FROM rate_limits WHERE expire <= $1 LIMIT $2 FOR UPDATE SKIP LOCKED
         )) AND expire <= $1`,
        now.getTime(),
        PURGE_BATCH_ROWS,
      );
      counts.rateLimits += deleted;
      if (deleted < PURGE_BATCH_ROWS) return counts;
    }
  }

  async recordFailure(key: string, windowMs: number, now: Date): Promise<AttemptState> {
    const row = await this.#get(
      `INSERT INTO attempts (key, failures, window_ends_at) VALUES ($1, 1, $2)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN attempts.window_ends_at <= $3 THEN 1 ELSE attempts.failures + 1 END,
         window_ends_at = CASE WHEN attempts.window_ends_at <= $3 THEN EXCLUDED.window_ends_at ELSE attempts.window_ends_at END
       RETURNING failures, window_ends_at`,
      key,
      Math.ceil(now.getTime() + windowMs),
      now.getTime(),
    );
    return attemptState(row as Row);
  }

  async getFailures(key: string, now: Date): Promise<AttemptState | undefined> {
    const row = await this.#get(
      "SELECT failures, window_ends_at FROM attempts WHERE key = $1 AND window_ends_at > $2",
      key,
      now.getTime(),
    );
    return row && attemptState(row);
  }

  async forgiveFailure(key: string): Promise<void> {
    await this.#run("UPDATE attempts SET failures = failures - 1 WHERE key = $1 AND failures > 0", key);
  }

  async useNonce(clientId: string, nonce: string, expiresAt: Date, now: Date): Promise<boolean> {
    // Inserts the nonce, or takes over an expired row the purge has not deleted yet.
    const rows = await this.#all(
      `INSERT INTO nonces (client_id, nonce, expires_at) VALUES ($1, $2, $3)
       ON CONFLICT (client_id, nonce) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE nonces.expires_at <= $4
       RETURNING 1`,
      clientId,
      nonce,
      expiresAt.getTime(),
      now.getTime(),
    );
    return rows.length === 1;
  }

  async listSigningKeys(): Promise<SigningKeyRecord[]> {
    return (await this.#all("SELECT * FROM signing_keys ORDER BY created_at DESC, kid")).map(toSigningKey);
  }

  async insertSigningKey(key: SigningKeyRecord): Promise<void> {
    await this.#run(
      "INSERT INTO signing_keys (kid, private_jwk, public_jwk, created_at, retired_at) VALUES ($1, $2, $3, $4, $5)",
      key.kid,
      JSON.stringify(key.privateJwk),
      JSON.stringify(key.publicJwk),
      key.createdAt.getTime(),
      ms(key.retiredAt),
    );
  }

  async retireSigningKeys(except: string, now: Date): Promise<void> {
    await this.#run(
      "UPDATE signing_keys SET retired_at = $1 WHERE kid <> $2 AND retired_at IS NULL",
      now.getTime(),
      except,
    );
  }

  async getOrCreateSecret(name: string, create: () => string): Promise<string> {
    await this.#run("INSERT INTO secrets (name, value) VALUES ($1, $2) ON CONFLICT DO NOTHING", name, create());
    return String((await this.#get("SELECT value FROM secrets WHERE name = $1", name))?.value);
  }

  async insertChallenge(challenge: ChallengeRecord): Promise<void> {
    await this.#run(
      "INSERT INTO challenges (challenge, kind, client_id, user_id, data, expires_at) VALUES ($1, $2, $3, $4, $5, $6)",
      challenge.challenge,
      challenge.kind,
      challenge.clientId,
      challenge.userId,
      JSON.stringify(challenge.data),
      challenge.expiresAt.getTime(),
    );
  }

  async takeChallenge(challenge: string, kind: string): Promise<ChallengeRecord | undefined> {
    const row = await this.#get(
      "DELETE FROM challenges WHERE challenge = $1 AND kind = $2 RETURNING *",
      challenge,
      kind,
    );
    return row && toChallenge(row);
  }

  async insertWebAuthnCredential(credential: WebAuthnCredentialRecord): Promise<boolean> {
    const inserted = await this.#run(
      `INSERT INTO webauthn_credentials (id, user_id, public_key, counter, transports, name, created_at, last_used_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
      ...webAuthnCredentialParams(credential),
    );
    return inserted === 1;
  }

  async getWebAuthnCredential(id: string): Promise<WebAuthnCredentialRecord | undefined> {
    const row = await this.#get("SELECT * FROM webauthn_credentials WHERE id = $1", id);
    return row && toWebAuthnCredential(row);
  }

  async listWebAuthnCredentials(userId: string): Promise<WebAuthnCredentialRecord[]> {
    const rows = await this.#all(
      "SELECT * FROM webauthn_credentials WHERE user_id = $1 ORDER BY created_at, id",
      userId,
    );
    return rows.map(toWebAuthnCredential);
  }

  async updateWebAuthnCounter(id: string, counter: number, usedAt: Date): Promise<void> {
    await this.#run(
      "UPDATE webauthn_credentials SET counter = $1, last_used_at = $2 WHERE id = $3",
      counter,
      usedAt.getTime(),
      id,
    );
  }

  async insertDeviceKey(key: DeviceKeyRecord): Promise<void> {
    await this.#run(
      `INSERT INTO device_keys (id, user_id, key_data, key_type, key_length, signature_algorithm, device_info, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
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
    const row = await this.#get("SELECT * FROM device_keys WHERE id = $1", id);
    return row && toDeviceKey(row);
  }

  async listDeviceKeys(userId: string): Promise<DeviceKeyRecord[]> {
    const rows = await this.#all("SELECT * FROM device_keys WHERE user_id = $1 ORDER BY created_at, id", userId);
    return rows.map(toDeviceKey);
  }
}
