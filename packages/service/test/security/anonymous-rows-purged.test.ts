import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterAll } from "vitest";
import { describeAnonymousRowsPurged } from "./anonymous-rows.js";

const directory = mkdtempSync(join(tmpdir(), "handoff-anonymous-rows-"));
// Registered before the service's own hook: it runs after the service has closed the file.
afterAll(() => rmSync(directory, { recursive: true, force: true }));
const database = join(directory, "handoff.db");

await describeAnonymousRowsPurged(
  "SQLite file",
  database,
  async (table) => {
    // As an operator would look: a separate, read-only connection to the file.
    const db = new DatabaseSync(database, { readOnly: true });
    try {
      return Number(db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get()?.n);
    } finally {
      db.close();
    }
  },
  { limiterTable: false },
);
