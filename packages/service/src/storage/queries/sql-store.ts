import type { SqlDatabase } from "../sql/sql-database.js";

/** A store of one table (or pair of tables) whose queries run on a {@link SqlDatabase}, in either dialect. */
export abstract class SqlStore {
  /** The database the store's queries run on. */
  protected readonly db: SqlDatabase;

  /** Runs the store's queries on `db`. */
  constructor(db: SqlDatabase) {
    this.db = db;
  }
}
