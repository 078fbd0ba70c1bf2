import { type RateLimiterAbstract, RateLimiterMemory } from "rate-limiter-flexible";
import { SqliteDatabase } from "../sql/sqlite-database.js";
import { SqlStorage } from "../sql-storage.js";
import type { RateLimiterOptions, Storage } from "../storage.js";
import { MIGRATIONS } from "./migrations.js";

/**
 * {@link Storage} on SQLite through `node:sqlite`: a file that survives restarts, or `:memory:`,
 * owned by one process. Every "atomic" method is one statement or transaction, and SQLite
 * serialises writers.
 *
 * @example
 * const storage = new SqliteStorage("./handoff.db");
 * await storage.migrate();
 * const user = await storage.users.getByName(namespaceId, "alice@example.com");
 * await storage.close();
 */
export class SqliteStorage extends SqlStorage {
  readonly #sqlite: SqliteDatabase;

  /** Opens (and creates) the database at `path`, or an in-memory one for `":memory:"`. */
  constructor(path: string) {
    const db = new SqliteDatabase(path);
    super(db);
    this.#sqlite = db;
  }

  migrate(): Promise<void> {
    return this.#sqlite.migrate(MIGRATIONS);
  }

  /** A limiter counting in this process's memory: one process owns the file. */
  createRateLimiter(options: RateLimiterOptions): RateLimiterAbstract {
    return new RateLimiterMemory({
      keyPrefix: options.keyPrefix,
      points: options.points,
      duration: options.durationSeconds,
    });
  }
}
