import { setImmediate as nextTurn } from "node:timers/promises";

/** Rows one purge deleted, per table. */
export interface PurgeCounts {
  /** Codes that expired at least the retention period ago. */
  codes: number;
  /** WebAuthn and device-login challenges past their expiry. */
  challenges: number;
  /** Attempt counters whose window (and lock-out) has ended. */
  attempts: number;
  /** Service-token nonces past their expiry. */
  nonces: number;
  /** OAuth device authorizations that expired at least the retention period ago (as codes). */
  deviceAuthorizations: number;
  /**
   * Per-address limiter rows past their window (Postgres; on SQLite the limiter keeps its counts
   * in memory, where each one is dropped when its window ends).
   */
  rateLimits: number;
}

/** A table the purge empties of ended rows, and its column (milliseconds since the epoch) that says when a row ends. */
export interface PurgedTable {
  table: Exclude<keyof PurgeCounts, "rateLimits">;
  /** The table's name in SQL. */
  name: string;
  endsAt: "expires_at" | "window_ends_at";
}

/**
 * Every table that requests (anonymous ones included) fill with rows that end: a row is of no
 * use once `endsAt` has passed, so the purge deletes it.
 */
export const PURGED_TABLES: readonly PurgedTable[] = [
  { table: "codes", name: "codes", endsAt: "expires_at" },
  { table: "challenges", name: "challenges", endsAt: "expires_at" },
  { table: "attempts", name: "attempts", endsAt: "window_ends_at" },
  { table: "nonces", name: "nonces", endsAt: "expires_at" },
  { table: "deviceAuthorizations", name: "device_authorizations", endsAt: "expires_at" },
];

/**
 * Most rows one purge statement deletes: a large backlog is deleted in several short statements,
 * so the purge never holds the (SQLite) writer or many (Postgres) row locks for long.
 */
export const PURGE_BATCH_ROWS = 10_000;

/**
 * Deletes the ended rows of every {@link PURGED_TABLES} table: rows whose `endsAt` is at or
 * before `now`, and for codes at or before `now - codeRetentionMs` (an expired code is kept that
 * long, so a late wait still hears `code_expired`). `deleteBatch` deletes at most `limit` rows of
 * `table` ending at or before `cutoff` (milliseconds) and returns how many it deleted; it is
 * called again, after the event loop has had a turn, until a batch comes back short.
 */
export async function purgeInBatches(
  now: Date,
  codeRetentionMs: number,
  deleteBatch: (table: PurgedTable, cutoff: number, limit: number) => Promise<number>,
): Promise<PurgeCounts> {
  const counts: PurgeCounts = {
    codes: 0,
    challenges: 0,
    attempts: 0,
    nonces: 0,
    deviceAuthorizations: 0,
    rateLimits: 0,
  };
  for (const purged of PURGED_TABLES) {
    // Expired codes and device authorizations are kept a while, so a late poll hears that they expired.
    const retained = purged.table === "codes" || purged.table === "deviceAuthorizations";
    const cutoff = now.getTime() - (retained ? codeRetentionMs : 0);
    for (;;) {
      const deleted = await deleteBatch(purged, cutoff, PURGE_BATCH_ROWS);
      counts[purged.table] += deleted;
      if (deleted < PURGE_BATCH_ROWS) break;
      await nextTurn();
    }
  }
  return counts;
}
