import { SqliteStorage } from "../src/storage/sqlite/sqlite-storage.js";
import { describeStorageConformance } from "./storage-conformance.js";

describeStorageConformance("SQLite", async () => {
  const storage = new SqliteStorage(":memory:");
  await storage.migrate();
  return storage;
});
