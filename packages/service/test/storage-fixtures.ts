import { afterEach } from "vitest";
import type { CodeRecord } from "../src/storage/records.js";
import type { Storage } from "../src/storage/storage.js";

/** The fixed time the storage conformance suites write at. */
export const T0 = new Date("2030-01-01T00:00:00.000Z");

/** `ms` after {@link T0}. */
export const at = (ms: number): Date => new Date(T0.getTime() + ms);

/** A live short code of `user-1` (client `client-1`) created at {@link T0}, expiring 5 minutes later. */
export function codeRecord(overrides: Partial<CodeRecord> = {}): CodeRecord {
  return {
    id: crypto.randomUUID(),
    clientId: "client-1",
    userId: "user-1",
    type: "short",
    purpose: "temporary_authentication",
    hash: crypto.randomUUID(),
    createdAt: T0,
    expiresAt: at(5 * 60_000),
    authorizedAt: null,
    consumedAt: null,
    requestInfo: null,
    guesses: 0,
    provesEmail: false,
    ...overrides,
  };
}

/**
 * Inside a `describe`: a function that opens a storage with `open` for one test, every storage it
 * opened closed after each test.
 */
export function openedStorages(open: () => Promise<Storage>): () => Promise<Storage> {
  const opened: Storage[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((instance) => instance.close()));
  });
  return async () => {
    const instance = await open();
    opened.push(instance);
    return instance;
  };
}
