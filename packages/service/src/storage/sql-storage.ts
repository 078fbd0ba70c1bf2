import { isHandoffError } from "@handoff/types";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { type PurgeCounts, purgeInBatches } from "./purge.js";
import { SqlAttemptStore } from "./queries/attempts.js";
import { SqlChallengeStore } from "./queries/challenges.js";
import { type CachedClient, SqlClientStore } from "./queries/clients.js";
import { SqlCodeStore } from "./queries/codes.js";
import { SqlCredentialStore } from "./queries/credentials.js";
import { SqlDeviceAuthorizationStore } from "./queries/device-authorizations.js";
import { SqlKeyStore } from "./queries/keys.js";
import { PURGE_BATCH, purgeBatchParams } from "./queries/purge.js";
import { SqlUserStore } from "./queries/users.js";
import type { SqlDatabase, SqlExecutor } from "./sql/sql-database.js";
import type {
  AttemptStore,
  ChallengeStore,
  ClientStore,
  CodeStore,
  CredentialStore,
  DeviceAuthorizationStore,
  KeyStore,
  RateLimiterOptions,
  Storage,
  StorageStores,
  UserStore,
} from "./storage.js";

/** Every store, its queries on `db`; the clients found kept in `clientCache`. */
function storesOn(db: SqlDatabase, clientCache: Map<string, CachedClient>): StorageStores {
  return {
    clients: new SqlClientStore(db, clientCache),
    users: new SqlUserStore(db),
    credentials: new SqlCredentialStore(db),
    codes: new SqlCodeStore(db),
    attempts: new SqlAttemptStore(db),
    keys: new SqlKeyStore(db),
    challenges: new SqlChallengeStore(db),
    deviceAuthorizations: new SqlDeviceAuthorizationStore(db),
  };
}

/**
 * `db` seen from inside one of its transactions: statements run on `tx`, and a store method that
 * opens a transaction of its own joins this one.
 */
function inTransaction(db: SqlDatabase, tx: SqlExecutor): SqlDatabase {
  return {
    dialect: db.dialect,
    all: (query, params) => tx.all(query, params),
    get: (query, params) => tx.get(query, params),
    run: (query, params) => tx.run(query, params),
    transaction: (work) => work(tx),
    close: () => Promise.reject(new Error("a transaction does not close its database")),
  };
}

/**
 * {@link Storage} on a {@link SqlDatabase}: one set of queries (`queries/`, one file per table)
 * for both dialects. `SqliteStorage` and `PostgresStorage` add what only they know: the
 * connection, the migrations and the rate limiter.
 */
export abstract class SqlStorage implements Storage {
  readonly clients: ClientStore;
  readonly users: UserStore;
  readonly credentials: CredentialStore;
  readonly codes: CodeStore;
  readonly attempts: AttemptStore;
  readonly keys: KeyStore;
  readonly challenges: ChallengeStore;
  readonly deviceAuthorizations: DeviceAuthorizationStore;
  /** The database every store runs its queries on. */
  protected readonly db: SqlDatabase;
  /** The clients read so far, by id, for the stores of every transaction too (see {@link SqlClientStore}). */
  readonly #clientCache = new Map<string, CachedClient>();

  /** Builds every store on `db`. */
  protected constructor(db: SqlDatabase) {
    this.db = db;
    ({
      clients: this.clients,
      users: this.users,
      credentials: this.credentials,
      codes: this.codes,
      attempts: this.attempts,
      keys: this.keys,
      challenges: this.challenges,
      deviceAuthorizations: this.deviceAuthorizations,
    } = storesOn(db, this.#clientCache));
  }

  async transaction<T>(work: (stores: StorageStores) => Promise<T>): Promise<T> {
    // A HandoffError is the request's answer, not a fault: what it wrote is committed first.
    const outcome = await this.db.transaction(async (tx) => {
      try {
        return { value: await work(storesOn(inTransaction(this.db, tx), this.#clientCache)) };
      } catch (error) {
        if (isHandoffError(error)) return { refusal: error };
        throw error;
      }
    });
    if ("refusal" in outcome) throw outcome.refusal;
    return outcome.value;
  }

  abstract migrate(): Promise<void>;

  abstract createRateLimiter(options: RateLimiterOptions): RateLimiterAbstract;

  async close(): Promise<void> {
    await this.db.close();
  }

  async purgeExpired(now: Date, codeRetentionMs: number): Promise<PurgeCounts> {
    return purgeInBatches(now, codeRetentionMs, ({ table }, cutoff, limit) =>
      this.db.run(PURGE_BATCH[table], purgeBatchParams(cutoff, limit)),
    );
  }
}
