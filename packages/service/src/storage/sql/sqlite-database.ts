import { DatabaseSync, type SQLInputValue, type StatementSync } from "node:sqlite";
import type { Row } from "../rows.js";
import { type Query, sql } from "./query.js";
import type { SqlDatabase, SqlExecutor, SqlValue } from "./sql-database.js";

const USER_VERSION = sql("PRAGMA user_version");

/**
 * A {@link SqlDatabase} on one node:sqlite connection: a file that survives restarts, or
 * `:memory:`. Statements are prepared once and reused (preparing costs more than running most
 * of the storage's queries). node:sqlite is synchronous, and SQLite serialises writers, so every
 * single statement is atomic; a transaction holds the connection until it ends: statements
 * issued meanwhile from elsewhere wait for it, so none lands inside it.
 */
export class SqliteDatabase implements SqlDatabase {
  readonly dialect = "sqlite";
  readonly #db: DatabaseSync;
  readonly #statements = new Map<Query, StatementSync>();
  /** Settles when the open transaction ends; `undefined` when none is open. */
  #transactionEnded: Promise<void> | undefined;
  /** Runs statements straight away, for the open transaction. */
  readonly #inTransaction: SqlExecutor = {
    all: async (query, params = []) => this.#all(query, params),
    get: async (query, params = []) => this.#get(query, params),
    run: async (query, params = []) => this.#run(query, params),
  };

  /** Opens (and creates) the database at `path`, or an in-memory one for `":memory:"`. */
  constructor(path: string) {
    this.#db = new DatabaseSync(path);
    this.#db.exec(
      "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;",
    );
  }

  #statement(query: Query): StatementSync {
    let statement = this.#statements.get(query);
    if (!statement) {
      statement = this.#db.prepare(query.sqlite);
      this.#statements.set(query, statement);
    }
    return statement;
  }

  #all(query: Query, params: readonly SqlValue[]): Row[] {
    return this.#statement(query).all(...(params as SQLInputValue[])) as Row[];
  }

  #get(query: Query, params: readonly SqlValue[]): Row | undefined {
    return this.#statement(query).get(...(params as SQLInputValue[])) as Row | undefined;
  }

  #run(query: Query, params: readonly SqlValue[]): number {
    return Number(this.#statement(query).run(...(params as SQLInputValue[])).changes);
  }

  // Not `async`, and no closure: with no transaction open, the statement runs at once and its
  // result is wrapped as is (these are the storage's hot paths: one promise less per query).
  all(query: Query, params: readonly SqlValue[] = []): Promise<Row[]> {
    if (this.#transactionEnded) return this.#afterTransactions(() => this.#all(query, params));
    try {
      return Promise.resolve(this.#all(query, params));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  get(query: Query, params: readonly SqlValue[] = []): Promise<Row | undefined> {
    if (this.#transactionEnded) return this.#afterTransactions(() => this.#get(query, params));
    try {
      return Promise.resolve(this.#get(query, params));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  run(query: Query, params: readonly SqlValue[] = []): Promise<number> {
    if (this.#transactionEnded) return this.#afterTransactions(() => this.#run(query, params));
    try {
      return Promise.resolve(this.#run(query, params));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Runs `statement` once no transaction is open. */
  async #afterTransactions<T>(statement: () => T): Promise<T> {
    while (this.#transactionEnded) await this.#transactionEnded;
    return statement();
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    // Checked again right before taking the connection: nothing else can start in between.
    while (this.#transactionEnded) await this.#transactionEnded;
    let resolve = () => {};
    this.#transactionEnded = new Promise<void>((settle) => {
      resolve = settle;
    });
    try {
      this.#db.exec("BEGIN IMMEDIATE");
      const result = await work(this.#inTransaction);
      this.#db.exec("COMMIT");
      return result;
    } catch (error) {
      if (this.#db.isTransaction) this.#db.exec("ROLLBACK");
      throw error;
    } finally {
      this.#transactionEnded = undefined;
      resolve();
    }
  }

  /** Runs the migrations after the `PRAGMA user_version`-th, each in its own transaction. */
  async migrate(migrations: readonly string[]): Promise<void> {
    const version = Number((await this.get(USER_VERSION))?.user_version ?? 0);
    for (let index = version; index < migrations.length; index++) {
      await this.transaction(async () => {
        this.#db.exec(migrations[index] as string);
        this.#db.exec(`PRAGMA user_version = ${index + 1}`);
      });
    }
  }

  async close(): Promise<void> {
    if (this.#db.isOpen) this.#db.close();
  }
}
