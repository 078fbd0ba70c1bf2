import type { ClientConfig } from "pg";
import { type RateLimiterAbstract, RateLimiterPostgres } from "rate-limiter-flexible";
import type { Logger } from "../../logger.js";
import { PURGE_BATCH_ROWS, type PurgeCounts } from "../purge.js";
import { PURGE_RATE_LIMITS_BATCH } from "../queries/purge.js";
import { PostgresDatabase } from "../sql/postgres-database.js";
import { SqlStorage } from "../sql-storage.js";
import type { RateLimiterOptions, Storage } from "../storage.js";
import { migratePostgres } from "./migrate-postgres.js";
import { PostgresCodeEventBus } from "./postgres-code-event-bus.js";

/** How {@link PostgresStorage} connects and reports. */
export interface PostgresStorageOptions {
  /** Where pool errors and LISTEN reconnections are logged. Default: nowhere. */
  logger?: Logger;
  /** Most pooled connections this instance opens; each code event bus's LISTEN session is one more. Default: 10. */
  maxConnections?: number;
  /**
   * First delay before re-opening a dropped LISTEN session of a {@link PostgresStorage.createCodeEventBus}
   * bus, doubled per failure up to 5 s. Default: 100.
   */
  reconnectDelayMs?: number;
}

/**
 * {@link Storage} on PostgreSQL through a `pg` pool, for several service instances sharing one
 * database. Every "atomic" method is one statement: under READ COMMITTED, concurrent updates of
 * one row wait for each other and re-check their `WHERE`, so exactly one consumer of a code wins,
 * and `INSERT … ON CONFLICT` counts failures and nonces without lost updates. Code events travel
 * between instances on the bus {@link PostgresStorage.createCodeEventBus} makes (LISTEN/NOTIFY).
 *
 * @example
 * const storage = new PostgresStorage("postgres://handoff:secret@db.internal:5432/handoff");
 * await storage.migrate();
 * const user = await storage.users.getByName(namespaceId, "alice@example.com");
 * await storage.close();
 */
export class PostgresStorage extends SqlStorage {
  readonly #postgres: PostgresDatabase;
  readonly #config: ClientConfig;
  readonly #logger: Logger;
  readonly #reconnectDelayMs: number | undefined;

  /** Prepares a pool for `connectionString` (`postgres://user:password@host:port/database?sslmode=…`); connects lazily. */
  constructor(connectionString: string, options: PostgresStorageOptions = {}) {
    const config: ClientConfig = { connectionString, application_name: "handoff" };
    const logger = options.logger ?? (() => {});
    const db = new PostgresDatabase(config, options.maxConnections ?? 10, logger);
    super(db);
    this.#postgres = db;
    this.#config = config;
    this.#logger = logger;
    this.#reconnectDelayMs = options.reconnectDelayMs;
  }

  migrate(): Promise<void> {
    return migratePostgres(this.#postgres.pool);
  }

  /**
   * A bus carrying code events between the instances on this database: NOTIFY through this
   * storage's pool, LISTEN on a session of its own. Close it before the storage.
   */
  createCodeEventBus(): PostgresCodeEventBus {
    return new PostgresCodeEventBus({
      listenConfig: { ...this.#config, application_name: "handoff:listen" },
      notifier: this.#postgres.pool,
      logger: this.#logger,
      ...(this.#reconnectDelayMs === undefined ? {} : { reconnectDelayMs: this.#reconnectDelayMs }),
    });
  }

  /** A limiter counting in the `rate_limits` table, shared by every instance. */
  createRateLimiter(options: RateLimiterOptions): RateLimiterAbstract {
    // The table is created by the migrations, and its ended rows go with the purge (purgeExpired).
    return new RateLimiterPostgres({
      storeClient: this.#postgres.pool,
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true,
      clearExpiredByTimeout: false,
      keyPrefix: options.keyPrefix,
      points: options.points,
      duration: options.durationSeconds,
    });
  }

  /** Purges as every storage does, then the per-address limiter's ended rows (written by anonymous wrong codes). */
  override async purgeExpired(now: Date, codeRetentionMs: number): Promise<PurgeCounts> {
    const counts = await super.purgeExpired(now, codeRetentionMs);
    for (;;) {
      const deleted = await this.#postgres.run(PURGE_RATE_LIMITS_BATCH, [
        now.getTime(),
        PURGE_BATCH_ROWS,
        now.getTime(),
      ]);
      counts.rateLimits += deleted;
      if (deleted < PURGE_BATCH_ROWS) return counts;
    }
  }
}
