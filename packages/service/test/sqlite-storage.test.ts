import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { describe, expect, it } from "vitest";
import { MIGRATIONS } from "../src/storage/sqlite/migrations.js";
import { SqliteStorage } from "../src/storage/sqlite/sqlite-storage.js";
import { describeCredentialConformance } from "./credential-conformance.js";
import { describeStorageConformance } from "./storage-conformance.js";
import { describeDeviceAuthorizationConformance } from "./storage-conformance-device-authorizations.js";
import { describeStorageTransaction } from "./storage-conformance-transaction.js";
import { describeUserLifecycleConformance } from "./storage-conformance-users.js";

async function open() {
  const storage = new SqliteStorage(":memory:");
  await storage.migrate();
  return storage;
}

describeStorageConformance("SQLite", open);
describeStorageTransaction("SQLite", open);
describeCredentialConformance("SQLite", open);
describeDeviceAuthorizationConformance("SQLite", open);
describeUserLifecycleConformance("SQLite", open);

describe("SQLite migration 7: nonces keyed by their expiry", () => {
  it("keeps the nonces recorded before it", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "handoff-migrate-")), "handoff.db");
    const before = new DatabaseSync(path);
    for (const [index, migration] of MIGRATIONS.slice(0, 6).entries()) {
      before.exec(migration);
      before.exec(`PRAGMA user_version = ${index + 1}`);
    }
    before.prepare("INSERT INTO nonces (client_id, nonce, expires_at) VALUES (?, ?, ?)").run("c1", "n1", 60_000);
    before.close();
    const storage = new SqliteStorage(path);
    try {
      await storage.migrate();
      expect(await storage.attempts.useNonce("c1", "n1", new Date(60_000))).toBe(false); // still spent
      expect(await storage.attempts.useNonce("c1", "n2", new Date(60_000))).toBe(true);
    } finally {
      await storage.close();
    }
  });
});
