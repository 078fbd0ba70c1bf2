import { SqliteStorage } from "./sqlite/sqlite-storage.js";
import type { Storage } from "./storage.js";

/** Opens the storage a `database` option names: a SQLite file path or `":memory:"`. */
export async function openStorage(database: string): Promise<Storage> {
  if (/^postgres(ql)?:\/\//i.test(database)) {
    throw new RangeError("Postgres storage is not available in this version; use a SQLite file path.");
  }
  return new SqliteStorage(database);
}
