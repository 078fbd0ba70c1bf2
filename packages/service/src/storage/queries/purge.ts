import { PURGED_TABLES, type PurgedTable } from "../purge.js";
import { dialectSql, type Query, sql } from "../sql/query.js";

/**
 * Deletes at most `limit` rows of one table ending at or before `cutoff` (parameters: cutoff,
 * limit, cutoff). The table and column names come from
 * {@link PURGED_TABLES}, never from a request. On Postgres, `FOR UPDATE SKIP LOCKED`: instances
 * purging at once take different rows, never wait for (or deadlock with) each other, and leave
 * alone a row a request is updating; the outer condition is re-checked on a row updated
 * meanwhile (a nonce or attempt counter just renewed is not deleted).
 */
const purgeBatch = ({ name: table, endsAt }: PurgedTable): Query =>
  dialectSql({
    sqlite: `DELETE FROM ${table} WHERE rowid IN (
      SELECT rowid FROM ${table} WHERE ${endsAt} <= ? LIMIT ?
    ) AND ${endsAt} <= ?`,
    postgres: `DELETE FROM ${table} WHERE ctid = ANY(ARRAY(
      SELECT ctid FROM ${table} WHERE ${endsAt} <= ? LIMIT ? FOR UPDATE SKIP LOCKED
    )) AND ${endsAt} <= ?`,
  });

/** The batch delete of each purged table, by table name. */
export const PURGE_BATCH = Object.fromEntries(
  PURGED_TABLES.map((purged) => [purged.table, purgeBatch(purged)]),
) as Readonly<Record<PurgedTable["table"], Query>>;

/** The parameters of a {@link PURGE_BATCH} statement. */
export const purgeBatchParams = (cutoff: number, limit: number): number[] => [cutoff, limit, cutoff];

/**
 * Deletes at most `limit` of the per-address limiter's ended rows (rate-limiter-flexible's
 * `rate_limits`, Postgres only; parameters: now, limit, now), as {@link PURGE_BATCH} does.
 */
export const PURGE_RATE_LIMITS_BATCH: Query = sql(
  `DELETE FROM rate_limits WHERE key = ANY(ARRAY(
     SELECT key FROM rate_limits WHERE expire <= ? LIMIT ? FOR UPDATE SKIP LOCKED
   )) AND expire <= ?`,
);
