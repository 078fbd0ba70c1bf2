import { HandoffError } from "@handoff/types/core/errors";

/** Name of the IndexedDB database holding device keys. */
export const DEVICE_KEY_DATABASE = "handoff-device-keys";
const STORE = "keys";
const VERSION = 1;

/** A device key as kept in IndexedDB. The private key is a non-extractable `CryptoKey`. */
export interface StoredDeviceKey {
  /** The slot, from {@link deviceKeySlot}. */
  slot: string;
  /** The key's id at the service (`key.id` of `/pwless/devices`). */
  keyId: string;
  /** The user the service registered the key for. */
  userId: string;
  /** The email as typed when the key was added. */
  email: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** When the key was added, epoch milliseconds. */
  createdAt: number;
}

/** Where one account's key is kept: service URL, client and lower-cased email. */
export function deviceKeySlot(baseUrl: string, clientId: string, email: string): string {
  return JSON.stringify([baseUrl, clientId, email.trim().toLowerCase()]);
}

function unsupported(cause?: unknown): HandoffError {
  return new HandoffError("device_key_unsupported", "This browser cannot keep a device key (IndexedDB failed).", {
    ...(cause === undefined ? {} : { cause }),
  });
}

function open(): Promise<IDBDatabase> {
  const factory: IDBFactory | undefined = globalThis.indexedDB;
  if (!factory) return Promise.reject(unsupported());
  return new Promise((resolve, reject) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(DEVICE_KEY_DATABASE, VERSION);
    } catch (cause) {
      reject(unsupported(cause));
      return;
    }
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE))
        request.result.createObjectStore(STORE, { keyPath: "slot" });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(unsupported(request.error));
    request.onblocked = () => reject(unsupported(new Error("IndexedDB open blocked by another tab")));
  });
}

/** Runs one transaction on the store and resolves with `read()` once it has committed. */
async function transact<T>(
  mode: IDBTransactionMode,
  run: (store: IDBObjectStore) => IDBRequest | undefined,
  read: (request: IDBRequest | undefined) => T,
): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = run(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(read(request));
      transaction.onerror = () => reject(unsupported(transaction.error));
      transaction.onabort = () => reject(unsupported(transaction.error));
    });
  } finally {
    db.close();
  }
}

function isStoredDeviceKey(value: unknown): value is StoredDeviceKey {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.slot === "string" &&
    typeof record.keyId === "string" &&
    typeof record.userId === "string" &&
    typeof record.email === "string" &&
    record.privateKey instanceof CryptoKey &&
    record.publicKey instanceof CryptoKey
  );
}

/** Stores (or replaces) the key of a slot. */
export function saveDeviceKey(record: StoredDeviceKey): Promise<void> {
  return transact(
    "readwrite",
    (store) => store.put(record),
    () => undefined,
  );
}

/** The key of a slot, or `undefined`. */
export function loadDeviceKey(slot: string): Promise<StoredDeviceKey | undefined> {
  return transact(
    "readonly",
    (store) => store.get(slot),
    (request) => {
      const value: unknown = request?.result;
      return isStoredDeviceKey(value) ? value : undefined;
    },
  );
}
