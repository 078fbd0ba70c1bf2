import type { CodePurpose, CodeType } from "@handoff/types";
import type { CodeRecord, RequestInfo } from "../records.js";
import { toCode } from "../rows.js";
import { sql } from "../sql/query.js";
import { jsonText, msOrNull } from "../sql/sql-database.js";
import type { CodeQuery, CodeStore } from "../storage.js";
import { SqlStore } from "./sql-store.js";

/** The unconsumed codes of one client, user, purpose and type: four parameters, in that order. */
const LIVE = "client_id = ? AND user_id = ? AND purpose = ? AND type = ? AND consumed_at IS NULL";

const INSERT = sql(
  `INSERT INTO codes (id, client_id, user_id, type, purpose, hash, created_at, expires_at, authorized_at, consumed_at, request_info, proves_email)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
);
const GET = sql("SELECT * FROM codes WHERE id = ?");
const LIST = sql(`SELECT * FROM codes WHERE ${LIVE} ORDER BY created_at, id`);
const COUNT_GUESS = sql(`UPDATE codes SET guesses = guesses + 1 WHERE ${LIVE}`);
const DELETE_GUESSED = sql(`DELETE FROM codes WHERE ${LIVE} AND guesses >= ? RETURNING id`);
const IS_CONSUMED = sql(
  "SELECT 1 AS found FROM codes WHERE client_id = ? AND user_id = ? AND purpose = ? AND type = ? AND consumed_at IS NOT NULL AND hash = ? LIMIT 1",
);
const AUTHORIZE = sql(
  "UPDATE codes SET authorized_at = COALESCE(authorized_at, ?) WHERE id = ? AND consumed_at IS NULL AND expires_at > ?",
);
// A concurrent writer blocks on the row lock (Postgres) or the writer lock (SQLite), then
// re-checks its `WHERE` and loses.
const RECORD_REQUESTER = sql("UPDATE codes SET request_info = ? WHERE id = ? AND request_info IS NULL");
const CONSUME = sql(
  "UPDATE codes SET consumed_at = ? WHERE id = ? AND consumed_at IS NULL AND authorized_at IS NOT NULL AND expires_at > ?",
);
const DELETE_OF_PURPOSE = sql(
  "DELETE FROM codes WHERE client_id = ? AND user_id = ? AND purpose = ? AND consumed_at IS NULL RETURNING id",
);
const DELETE_OF_PURPOSE_AND_TYPE = sql(`DELETE FROM codes WHERE ${LIVE} RETURNING id`);
/** Deletes every unconsumed code of a user, any client, type and purpose (`?`: the user id). */
export const DELETE_USER_CODES = sql("DELETE FROM codes WHERE user_id = ? AND consumed_at IS NULL RETURNING id");
/** Deletes every code of a user, used ones too (`?`: the user id); returns each id and whether it was live. */
export const DELETE_ALL_USER_CODES = sql("DELETE FROM codes WHERE user_id = ? RETURNING id, consumed_at");

const live = (query: CodeQuery): string[] => [query.clientId, query.userId, query.purpose, query.type];
const ids = (rows: readonly Record<string, unknown>[]): string[] => rows.map((row) => String(row.id));

/** {@link CodeStore} on the `codes` table, in either dialect: every atomic method is one statement. */
export class SqlCodeStore extends SqlStore implements CodeStore {
  async insert(code: CodeRecord): Promise<void> {
    await this.db.run(INSERT, [
      code.id,
      code.clientId,
      code.userId,
      code.type,
      code.purpose,
      code.hash,
      code.createdAt.getTime(),
      code.expiresAt.getTime(),
      msOrNull(code.authorizedAt),
      msOrNull(code.consumedAt),
      code.requestInfo === null ? null : jsonText(code.requestInfo),
      code.provesEmail ? 1 : 0,
    ]);
  }

  async get(id: string): Promise<CodeRecord | undefined> {
    const row = await this.db.get(GET, [id]);
    return row && toCode(row);
  }

  async list(query: CodeQuery): Promise<CodeRecord[]> {
    return (await this.db.all(LIST, live(query))).map(toCode);
  }

  async countGuess(query: CodeQuery): Promise<void> {
    await this.db.run(COUNT_GUESS, live(query));
  }

  async deleteGuessed(query: CodeQuery, guesses: number): Promise<string[]> {
    return ids(await this.db.all(DELETE_GUESSED, [...live(query), guesses]));
  }

  async isConsumed(query: CodeQuery, hash: string): Promise<boolean> {
    return (await this.db.get(IS_CONSUMED, [...live(query), hash])) !== undefined;
  }

  async authorize(id: string, now: Date): Promise<boolean> {
    return (await this.db.run(AUTHORIZE, [now.getTime(), id, now.getTime()])) === 1;
  }

  async recordRequester(id: string, info: RequestInfo): Promise<boolean> {
    return (await this.db.run(RECORD_REQUESTER, [jsonText(info), id])) === 1;
  }

  async consume(id: string, now: Date): Promise<boolean> {
    return (await this.db.run(CONSUME, [now.getTime(), id, now.getTime()])) === 1;
  }

  async delete(query: { clientId: string; userId: string; purpose: CodePurpose; type?: CodeType }): Promise<string[]> {
    const rows =
      query.type === undefined
        ? await this.db.all(DELETE_OF_PURPOSE, [query.clientId, query.userId, query.purpose])
        : await this.db.all(DELETE_OF_PURPOSE_AND_TYPE, [query.clientId, query.userId, query.purpose, query.type]);
    return ids(rows);
  }
}
