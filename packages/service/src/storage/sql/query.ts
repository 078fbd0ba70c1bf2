/** The SQL dialects the storage speaks. */
export type Dialect = "sqlite" | "postgres";

/**
 * One statement in both dialects, ready to run: written once with `?` placeholders, and turned
 * into Postgres's `$1, $2, …` when the module loads, never per call.
 */
export interface Query {
  readonly sqlite: string;
  readonly postgres: string;
}

/** Turns each `?` placeholder into `$1, $2, …` in order (the statements hold no `?` in literals). */
const numberPlaceholders = (text: string): string => {
  let count = 0;
  return text.replace(/\?/g, () => `$${++count}`);
};

/**
 * A statement both dialects run as written, with `?` placeholders.
 *
 * @example
 * const GET_CODE = sql("SELECT * FROM codes WHERE id = ?");
 * // GET_CODE.postgres === "SELECT * FROM codes WHERE id = $1"
 */
export function sql(text: string): Query {
  return { sqlite: text, postgres: numberPlaceholders(text) };
}

/**
 * A statement whose text differs between the dialects (a JSON array as a list, row locks),
 * both with `?` placeholders in the same order, so the same parameters serve both.
 *
 * @example
 * const IN_IDS = dialectSql({
 *   sqlite: "… WHERE id IN (SELECT value FROM json_each(?))",
 *   postgres: "… WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb))",
 * });
 */
export function dialectSql(texts: { sqlite: string; postgres: string }): Query {
  return { sqlite: texts.sqlite, postgres: numberPlaceholders(texts.postgres) };
}
