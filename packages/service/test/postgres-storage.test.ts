import { HandoffError } from "@handoff/types";
import { Pool } from "pg";
import { describe, expect, it } from "vitest";
import type { SharedCodeEvent } from "../src/storage/events/code-event-bus.js";
import { migratePostgres } from "../src/storage/postgres/migrate-postgres.js";
import { POSTGRES_MIGRATIONS } from "../src/storage/postgres/migrations.js";
import { PostgresStorage } from "../src/storage/postgres/postgres-storage.js";
import { describeCredentialConformance } from "./credential-conformance.js";
import { describeStorageConformance } from "./storage-conformance.js";
import { describeDeviceAuthorizationConformance } from "./storage-conformance-device-authorizations.js";
import { describeStorageTransaction } from "./storage-conformance-transaction.js";
import { describeUserLifecycleConformance } from "./storage-conformance-users.js";
import { at, codeRecord, T0 } from "./storage-fixtures.js";
import { usePostgres } from "./use-postgres.js";

const server = await usePostgres();

async function open() {
  const storage = new PostgresStorage(await server.createDatabase());
  await storage.migrate();
  return storage;
}

describeStorageConformance("Postgres", open);
describeStorageTransaction("Postgres", open);
describeCredentialConformance("Postgres", open);
describeDeviceAuthorizationConformance("Postgres", open);

describeUserLifecycleConformance("Postgres", async () => {
  const storage = new PostgresStorage(await server.createDatabase());
  await storage.migrate();
  return storage;
});

describe("Postgres lock order", () => {
  it("a user deletion waits for a code request's lock-out instead of deadlocking with it", async () => {
    const storage = await open();
    try {
      const key = "code:client-1:user-1:temporary_authentication";
      await storage.users.insert({
        id: "user-1",
        namespaceId: "ns-1",
        username: "alice",
        createdAt: T0,
        verifiedAt: null,
      });
      await storage.codes.insert(codeRecord({ expiresAt: at(600_000) }));
      for (let i = 0; i < 4; i += 1) await storage.attempts.recordFailure(key, 600_000, T0); // earlier wrong codes
      let counted = () => {};
      const countedPromise = new Promise<void>((resolve) => (counted = resolve));
      let proceed = () => {};
      const proceedPromise = new Promise<void>((resolve) => (proceed = resolve));
      // What a code request does on the last allowed wrong code: count it (locks the counter),
      // then delete the user's live codes (lock-out), in one transaction.
      const lockOut = storage.transaction(async (tx) => {
        await tx.attempts.recordFailure(key, 600_000, T0);
        counted();
        await proceedPromise;
        await tx.codes.delete({ clientId: "client-1", userId: "user-1", purpose: "temporary_authentication" });
        throw new HandoffError("too_many_attempts");
      });
      await countedPromise;
      const deletion = storage.users.delete("ns-1", "user-1");
      await new Promise((resolve) => setTimeout(resolve, 200)); // the deletion is under way
      proceed();
      await expect(lockOut).rejects.toMatchObject({ code: "too_many_attempts" });
      expect(await deletion).toMatchObject({ user: { id: "user-1" } });
      expect(await storage.attempts.getFailures(key, T0)).toBeUndefined();
    } finally {
      await storage.close();
    }
  });
});

describe("Postgres storage across instances", () => {
  it("migrates once when several instances start together", async () => {
    const url = await server.createDatabase();
    const instances = Array.from({ length: 4 }, () => new PostgresStorage(url));
    try {
      await Promise.all(instances.map((instance) => instance.migrate()));
      const rows = await server.query(url, "SELECT version FROM schema_migrations ORDER BY version");
      expect(rows).toEqual(POSTGRES_MIGRATIONS.map((_, index) => ({ version: index + 1 })));
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
    }
  });

  it("keeps its tables in the schema the URL's search_path names", async () => {
    const url = await server.createDatabase();
    await server.query(url, "CREATE SCHEMA handoff");
    const storage = new PostgresStorage(`${url}?options=-c%20search_path%3Dhandoff`);
    try {
      await storage.migrate();
      expect(await storage.keys.getOrCreateSecret("s", () => "v")).toBe("v");
      const tables = await server.query(
        url,
        "SELECT table_schema FROM information_schema.tables WHERE table_name IN ('secrets', 'schema_migrations')",
      );
      expect(tables).toEqual([{ table_schema: "handoff" }, { table_schema: "handoff" }]);
    } finally {
      await storage.close();
    }
  });

  it("lets exactly one instance consume a code", async () => {
    const url = await server.createDatabase();
    const [a, b] = [new PostgresStorage(url), new PostgresStorage(url)];
    try {
      await a.migrate();
      const now = new Date();
      const id = crypto.randomUUID();
      await a.codes.insert({
        id,
        clientId: "c",
        userId: "u",
        type: "short",
        purpose: "temporary_authentication",
        hash: "h",
        guesses: 0,
        provesEmail: false,
        createdAt: now,
        expiresAt: new Date(now.getTime() + 60_000),
        authorizedAt: now,
        consumedAt: null,
        requestInfo: null,
      });
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? a : b).codes.consume(id, now)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("delivers another instance's code events once, never its own, and resyncs after a dropped LISTEN", async () => {
    const url = await server.createDatabase();
    const logs: string[] = [];
    const a = new PostgresStorage(url, { logger: (entry) => logs.push(entry.msg), reconnectDelayMs: 300 });
    const b = new PostgresStorage(url);
    const [busA, busB] = [a.createCodeEventBus(), b.createCodeEventBus()];
    try {
      await a.migrate();
      const events: [string, SharedCodeEvent][] = [];
      let resyncs = 0;
      await busA.subscribe({ onEvent: (id, event) => events.push([id, event]), onResync: () => resyncs++ });
      const until = async (condition: () => boolean) => {
        const deadline = Date.now() + 5_000;
        while (!condition()) {
          if (Date.now() > deadline) throw new Error("timed out");
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      };

      await busA.publish("own", "authorized");
      await busB.publish("code-1", "authorized");
      await busB.publish("code-2", "invalidated");
      await until(() => events.length >= 2);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(events).toEqual([
        ["code-1", "authorized"],
        ["code-2", "invalidated"],
      ]);

      const killed = await server.query(
        url,
        "SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE application_name = 'handoff:listen' AND datname = current_database()",
      );
      expect(killed).toEqual([{ killed: true }]);
      await until(() => logs.includes("postgres listen connection lost"));
      // Sent while nobody listens: lost, and made up for by the resync.
      await busB.publish("code-3", "authorized");
      await until(() => resyncs === 1);
      expect(logs).toContain("postgres listen connection restored");
      await busB.publish("code-4", "authorized");
      await until(() => events.length === 3);
      expect(events[2]).toEqual(["code-4", "authorized"]);
    } finally {
      await Promise.all([busA.close(), busB.close()]);
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe("Postgres migration 6: nonces keyed by their expiry", () => {
  it("keeps the nonces recorded before it", async () => {
    const url = await server.createDatabase();
    const pool = new Pool({ connectionString: url });
    try {
      await migratePostgres(pool, POSTGRES_MIGRATIONS.slice(0, 5));
      await pool.query("INSERT INTO nonces (client_id, nonce, expires_at) VALUES ('c1', 'n1', 60000)");
    } finally {
      await pool.end();
    }
    const storage = new PostgresStorage(url);
    try {
      await storage.migrate();
      expect(await storage.attempts.useNonce("c1", "n1", new Date(60_000))).toBe(false); // still spent
      expect(await storage.attempts.useNonce("c1", "n2", new Date(60_000))).toBe(true);
    } finally {
      await storage.close();
    }
  });
});
