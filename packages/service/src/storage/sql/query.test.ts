import { describe, expect, it } from "vitest";
import { dialectSql, sql } from "./query.js";

describe("sql", () => {
  it("numbers the placeholders for Postgres, in order, and keeps the SQLite text", () => {
    const query = sql("UPDATE codes SET consumed_at = ? WHERE id = ? AND expires_at > ?");
    expect(query.sqlite).toBe("UPDATE codes SET consumed_at = ? WHERE id = ? AND expires_at > ?");
    expect(query.postgres).toBe("UPDATE codes SET consumed_at = $1 WHERE id = $2 AND expires_at > $3");
  });

  it("takes each dialect's own text where they differ", () => {
    const query = dialectSql({
      sqlite: "SELECT value FROM json_each(?)",
      postgres: "SELECT jsonb_array_elements_text(?::jsonb) WHERE ? > 0",
    });
    expect(query).toEqual({
      sqlite: "SELECT value FROM json_each(?)",
      postgres: "SELECT jsonb_array_elements_text($1::jsonb) WHERE $2 > 0",
    });
  });
});
