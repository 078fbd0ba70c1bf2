import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sql } from "./query.js";
import { SqliteDatabase } from "./sqlite-database.js";

const INSERT = sql("INSERT INTO t (v) VALUES (?)");
const LIST = sql("SELECT v FROM t ORDER BY v");

describe("SqliteDatabase", () => {
  let db: SqliteDatabase;
  beforeEach(async () => {
    db = new SqliteDatabase(":memory:");
    await db.migrate(["CREATE TABLE t (v INTEGER NOT NULL)"]);
  });
  afterEach(() => db.close());

  it("runs a statement issued during a transaction after it, never inside it", async () => {
    const failed = db.transaction(async (tx) => {
      await tx.run(INSERT, [1]);
      await new Promise((resolve) => setTimeout(resolve, 10));
      await tx.run(INSERT, [2]);
      throw new Error("roll back");
    });
    const outside = db.run(INSERT, [3]);
    await expect(failed).rejects.toThrow("roll back");
    expect(await outside).toBe(1);
    expect(await db.all(LIST)).toEqual([{ v: 3 }]);
  });

  it("runs transactions one after the other", async () => {
    const order: string[] = [];
    const transaction = (name: string, value: number) =>
      db.transaction(async (tx) => {
        order.push(`${name} begins`);
        await tx.run(INSERT, [value]);
        await new Promise((resolve) => setTimeout(resolve, 5));
        order.push(`${name} ends`);
      });
    await Promise.all([transaction("a", 1), transaction("b", 2), transaction("c", 3)]);
    expect(order).toEqual(["a begins", "a ends", "b begins", "b ends", "c begins", "c ends"]);
    expect(await db.all(LIST)).toEqual([{ v: 1 }, { v: 2 }, { v: 3 }]);
  });

  it("migrates idempotently", async () => {
    await db.migrate(["CREATE TABLE t (v INTEGER NOT NULL)"]);
    await db.run(INSERT, [1]);
    expect(await db.get(LIST)).toEqual({ v: 1 });
  });
});
