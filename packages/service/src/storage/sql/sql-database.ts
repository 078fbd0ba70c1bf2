import type { Row } from "../rows.js";
import type { Dialect, Query } from "./query.js";

/** A parameter of a statement: dates go in as milliseconds since the epoch, JSON as text. */
export type SqlValue = string | number | null;

/** Runs statements: on the database, or inside one of its transactions. */
export interface SqlExecutor {
  /** Every row the statement returns. */
  all(query: Query, params?: readonly SqlValue[]): Promise<Row[]>;
  /** The first row the statement returns, if any. */
  get(query: Query, params?: readonly SqlValue[]): Promise<Row | undefined>;
  /** Runs the statement; returns how many rows it inserted, updated or deleted. */
  run(query: Query, params?: readonly SqlValue[]): Promise<number>;
}

/**
 * A database the storage's queries run on, whatever its dialect: `SqliteDatabase` (node:sqlite)
 * or `PostgresDatabase` (a pg pool).
 */
export interface SqlDatabase extends SqlExecutor {
  readonly dialect: Dialect;
  /**
   * Runs `work` in one transaction (a write transaction from its first statement on SQLite,
   * READ COMMITTED on Postgres): committed when it resolves, rolled back when it throws.
   * Nothing else runs on the database's connection meanwhile.
   */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Closes the connection (or pool). */
  close(): Promise<void>;
}

/** Turns a date into a parameter, `null` staying `null`. */
export const msOrNull = (value: Date | null): number | null => (value === null ? null : value.getTime());

/** Turns a value into a JSON text parameter. */
export const jsonText = (value: unknown): string => JSON.stringify(value);
