/**
 * Clients are read once per {@link CLIENT_CACHE_MS} on each instance (every service token names
 * one): a client row an operator deletes or edits in the database stops (or starts) counting
 * within that time, without a restart.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CLIENT_CACHE_MS } from "../../src/storage/queries/clients.js";
import { useService } from "../helpers.js";

const path = join(mkdtempSync(join(tmpdir(), "handoff-client-cache-")), "handoff.db");
const t = await useService({ database: path });

async function retrieve() {
  const response = await t.post(
    "/api/native/manage/users/retrieve",
    { username: "nobody@example.com" },
    { token: await t.token("users.retrieve") },
  );
  return ((await response.json()) as { code?: string }).code ?? String(response.status);
}

afterEach(() => {
  vi.useRealTimers();
});

describe("a client deleted from the database", () => {
  it(`is refused within ${CLIENT_CACHE_MS / 1000} s by a running instance`, async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    expect(await retrieve()).toBe("user_not_found"); // the client is read and kept
    const db = new DatabaseSync(path);
    db.exec("PRAGMA busy_timeout = 5000");
    expect(Number(db.prepare("DELETE FROM clients").run().changes)).toBe(1);
    db.close();
    expect(await retrieve()).toBe("user_not_found"); // still kept
    vi.setSystemTime(Date.now() + CLIENT_CACHE_MS);
    expect(await retrieve()).toBe("invalid_token"); // read again: gone
  });
});
