import { SqliteStorage } from "../src/storage/sqlite/sqlite-storage.js";
import { describeCredentialConformance } from "./credential-conformance.js";
import { describeStorageConformance } from "./storage-conformance.js";
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
describeUserLifecycleConformance("SQLite", open);
