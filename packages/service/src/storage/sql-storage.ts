import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { type PurgeCounts, purgeInBatches } from "./purge.js";
import { SqlAttemptStore } from "./queries/attempts.js";
import { SqlChallengeStore } from "./queries/challenges.js";
import { SqlClientStore } from "./queries/clients.js";
import { SqlCodeStore } from "./queries/codes.js";
import { SqlCredentialStore } from "./queries/credentials.js";
import { SqlKeyStore } from "./queries/keys.js";
import { PURGE_BATCH, purgeBatchParams } from "./queries/purge.js";
import { SqlUserStore } from "./queries/users.js";
import type { SqlDatabase } from "./sql/sql-database.js";
import type {
  AttemptStore,
  ChallengeStore,
  ClientStore,
  CodeStore,
  CredentialStore,
  KeyStore,
  RateLimiterOptions,
  Storage,
  UserStore,
} from "./storage.js";

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
  /** The database every store runs its queries on. */
  protected readonly db: SqlDatabase;

  /** Builds every store on `db`. */
  protected constructor(db: SqlDatabase) {
    this.db = db;
    this.clients = new SqlClientStore(db);
    this.users = new SqlUserStore(db);
    this.credentials = new SqlCredentialStore(db);
    this.codes = new SqlCodeStore(db);
    this.attempts = new SqlAttemptStore(db);
    this.keys = new SqlKeyStore(db);
    this.challenges = new SqlChallengeStore(db);
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
