import type { Row } from "../rows.js";
import { dialectSql, sql } from "../sql/query.js";
import type { AttemptState, AttemptStore } from "../storage.js";
import { SqlStore } from "./sql-store.js";

const RECORD_FAILURE = sql(
  `INSERT INTO attempts (key, failures, window_ends_at) VALUES (?, 1, ?)
   ON CONFLICT (key) DO UPDATE SET
     failures = CASE WHEN attempts.window_ends_at <= ? THEN 1 ELSE attempts.failures + 1 END,
     window_ends_at = CASE WHEN attempts.window_ends_at <= ? THEN excluded.window_ends_at ELSE attempts.window_ends_at END
   RETURNING failures, window_ends_at`,
);
const GET_FAILURES = sql("SELECT failures, window_ends_at FROM attempts WHERE key = ? AND window_ends_at > ?");
/** A transaction-scoped advisory lock on a key's 64-bit hash (Postgres: SQLite transactions exclude each other). */
const LOCK_KEY = sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))");
/**
 * Records a nonce under its token's expiry: the same token again finds its row (its `iat`, so its
 * expiry, is the same); a row past its expiry is never looked at again, only purged.
 */
const USE_NONCE = sql("INSERT INTO nonces (expires_at, client_id, nonce) VALUES (?, ?, ?) ON CONFLICT DO NOTHING");

/**
 * Deletes the counters of wrong codes sent for a user (`?`: the user id; keys are
 * `code:<client>:<user>:<purpose>`, and a user id never holds `%`, `_` or `:`).
 */
export const DELETE_USER_ATTEMPTS = dialectSql({
  sqlite: "DELETE FROM attempts WHERE key LIKE 'code:%:' || ? || ':%'",
  postgres: "DELETE FROM attempts WHERE key LIKE 'code:%:' || ?::text || ':%'",
});

const attemptState = (row: Row): AttemptState => ({
  failures: Number(row.failures),
  windowEndsAt: new Date(Number(row.window_ends_at)),
});

/**
 * {@link AttemptStore} on the `attempts` and `nonces` tables, in either dialect: each method is
 * one statement, and `INSERT … ON CONFLICT` counts without lost updates across instances.
 */
export class SqlAttemptStore extends SqlStore implements AttemptStore {
  async recordFailure(key: string, windowMs: number, now: Date): Promise<AttemptState> {
    const at = now.getTime();
    // Whole milliseconds: the column is an integer (BIGINT on Postgres).
    return attemptState((await this.db.get(RECORD_FAILURE, [key, Math.ceil(at + windowMs), at, at])) as Row);
  }

  async getFailures(key: string, now: Date): Promise<AttemptState | undefined> {
    const row = await this.db.get(GET_FAILURES, [key, now.getTime()]);
    return row && attemptState(row);
  }

  async lock(key: string): Promise<void> {
    if (this.db.dialect === "postgres") await this.db.get(LOCK_KEY, [key]);
  }

  async useNonce(clientId: string, nonce: string, expiresAt: Date): Promise<boolean> {
    return (await this.db.run(USE_NONCE, [expiresAt.getTime(), clientId, nonce])) === 1;
  }
}
