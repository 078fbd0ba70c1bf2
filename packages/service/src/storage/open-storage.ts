import type { Logger } from "../logger.js";
import { PostgresStorage } from "./postgres/postgres-storage.js";
import { SqliteStorage } from "./sqlite/sqlite-storage.js";
import type { Storage } from "./storage.js";

/**
 * Opens the storage a `database` option names: a `postgres://` (or `postgresql://`) URL for
 * Postgres, shared by several instances; otherwise a SQLite file path or `":memory:"`.
 */
export async function openStorage(database: string, options: { logger?: Logger } = {}): Promise<Storage> {
  if (/^postgres(ql)?:\/\//i.test(database)) {
    return new PostgresStorage(database, options.logger ? { logger: options.logger } : {});
  }
  return new SqliteStorage(database);
}
