import { SqliteStorage } from "../src/storage/sqlite/sqlite-storage.js";
import { describeStorageConformance } from "./storage-conformance.js";
import { describeUserLifecycleConformance } from "./storage-conformance-users.js";

describeStorageConformance("SQLite", async () => {
  const storage = new SqliteStorage(":memory:");
  await storage.migrate();
  return storage;
});

describeUserLifecycleConformance("SQLite", async () => {
  const storage = new SqliteStorage(":memory:");
  await storage.migrate();
  return storage;
});
