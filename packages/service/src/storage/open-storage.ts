import type { Logger } from "../logger.js";
import type { CodeEventBus } from "./events/code-event-bus.js";
import { InProcessCodeEventBus } from "./events/in-process-code-event-bus.js";
import { PostgresStorage } from "./postgres/postgres-storage.js";
import { SqliteStorage } from "./sqlite/sqlite-storage.js";
import type { Storage } from "./storage.js";

/** A storage, opened, and the bus its instances tell each other about codes on. */
export interface OpenedStorage {
  storage: Storage;
  /** Close it before `storage`. */
  codeEvents: CodeEventBus;
  /** Whether service instances in other processes may share the database (Postgres). */
  shared: boolean;
}

/**
 * Opens the storage a `database` option names: a `postgres://` (or `postgresql://`) URL for
 * Postgres, shared by several instances (code events by LISTEN/NOTIFY); otherwise a SQLite file
 * path or `":memory:"`, owned by this process (code events in process).
 */
export function openStorage(database: string, options: { logger?: Logger } = {}): OpenedStorage {
  if (/^postgres(ql)?:\/\//i.test(database)) {
    const storage = new PostgresStorage(database, options.logger ? { logger: options.logger } : {});
    return { storage, codeEvents: storage.createCodeEventBus(), shared: true };
  }
  return { storage: new SqliteStorage(database), codeEvents: new InProcessCodeEventBus(), shared: false };
}
