import { type ClientConfig, Pool } from "pg";
import type { Logger } from "../../logger.js";
import type { Row } from "../rows.js";
import type { Query } from "./query.js";
import type { SqlDatabase, SqlExecutor, SqlValue } from "./sql-database.js";

/**
 * A {@link SqlDatabase} on a `pg` pool, for several service instances sharing one database.
 * Each statement runs on its own (autocommit, READ COMMITTED): concurrent updates of one row
 * wait for each other and re-check their `WHERE`; a transaction holds one pooled connection and
 * is READ COMMITTED too, whatever `default_transaction_isolation` says.
 */
export class PostgresDatabase implements SqlDatabase {
  readonly dialect = "postgres";
  /** The pool, for what speaks to Postgres directly (migrations, the rate limiter, NOTIFY). */
  readonly pool: Pool;

  /** Prepares a pool of at most `maxConnections` for `config`; connects lazily. */
  constructor(config: ClientConfig, maxConnections: number, logger: Logger) {
    this.pool = new Pool({ ...config, max: maxConnections });
    // An idle pooled connection that dies must not crash the process; the pool replaces it.
    this.pool.on("error", (error) => logger({ level: "warn", msg: "postgres pool error", error: error.message }));
  }

  async all(query: Query, params: readonly SqlValue[] = []): Promise<Row[]> {
    return (await this.pool.query<Row>(query.postgres, params as SqlValue[])).rows;
  }

  async get(query: Query, params: readonly SqlValue[] = []): Promise<Row | undefined> {
    return (await this.all(query, params))[0];
  }

  async run(query: Query, params: readonly SqlValue[] = []): Promise<number> {
    return (await this.pool.query(query.postgres, params as SqlValue[])).rowCount ?? 0;
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const all = async (query: Query, params: readonly SqlValue[] = []) =>
      (await client.query<Row>(query.postgres, params as SqlValue[])).rows;
    let result: T;
    try {
      // Pinned, whatever the database's or role's default: the code limits count on each
      // statement seeing what committed before it (a lock waited for, then the counts read).
      await client.query("BEGIN ISOLATION LEVEL READ COMMITTED");
      result = await work({
        all,
        get: async (query, params) => (await all(query, params))[0],
        run: async (query, params = []) => (await client.query(query.postgres, params as SqlValue[])).rowCount ?? 0,
      });
      await client.query("COMMIT");
    } catch (error) {
      // A connection that could not even roll back is dropped from the pool, not reused.
      const broken = await client.query("ROLLBACK").then(
        () => undefined,
        (rollbackError: unknown) => (rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError))),
      );
      client.release(broken);
      throw error;
    }
    client.release();
    return result;
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}
