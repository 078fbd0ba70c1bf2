import type { ClientRecord, DeviceGrantSettings } from "../records.js";
import { toClient, toDeviceGrantSettings } from "../rows.js";
import { sql } from "../sql/query.js";
import { jsonText, type SqlDatabase } from "../sql/sql-database.js";
import type { ClientStore } from "../storage.js";
import { SqlStore } from "./sql-store.js";

const INSERT = sql(
  "INSERT INTO clients (id, name, namespace_id, public_key_jwk, origins, created_at) VALUES (?, ?, ?, ?, ?, ?)",
);
const GET = sql("SELECT * FROM clients WHERE id = ?");
const LIST = sql("SELECT * FROM clients ORDER BY created_at, id");
const GET_DEVICE_GRANT = sql("SELECT * FROM client_device_grants WHERE client_id = ?");
const SET_DEVICE_GRANT = sql(
  `INSERT INTO client_device_grants (client_id, verification_uri, token_endpoint_auth_method)
   SELECT id, ?, ? FROM clients WHERE id = ?
   ON CONFLICT (client_id) DO UPDATE SET verification_uri = excluded.verification_uri,
     token_endpoint_auth_method = excluded.token_endpoint_auth_method`,
);
const DELETE_DEVICE_GRANT = sql("DELETE FROM client_device_grants WHERE client_id = ?");
const CLIENT_EXISTS = sql("SELECT 1 AS found FROM clients WHERE id = ?");

/** How long a client read from the database is used before it is read again. */
export const CLIENT_CACHE_MS = 30_000;

/** A client as read, and when. */
export interface CachedClient {
  client: ClientRecord;
  readAt: number;
}

/**
 * {@link ClientStore} on the `clients` table, in either dialect. Every service token names its
 * client, and the service itself never changes one, so `get` keeps each client it found in
 * `cache` (shared with the stores of the storage's transactions) for {@link CLIENT_CACHE_MS}: a
 * client row an operator edits or deletes in the database takes effect within that time on every
 * instance. An id not found is not kept (the CLI or another instance may store it next), so the
 * cache holds stored clients only.
 */
export class SqlClientStore extends SqlStore implements ClientStore {
  readonly #cache: Map<string, CachedClient>;

  /** Runs the queries on `db`, keeping the clients found in `cache`. */
  constructor(db: SqlDatabase, cache: Map<string, CachedClient>) {
    super(db);
    this.#cache = cache;
  }

  async insert(client: ClientRecord): Promise<void> {
    await this.db.run(INSERT, [
      client.id,
      client.name,
      client.namespaceId,
      jsonText(client.publicKeyJwk),
      jsonText(client.origins),
      client.createdAt.getTime(),
    ]);
  }

  async get(id: string): Promise<ClientRecord | undefined> {
    const now = Date.now();
    const cached = this.#cache.get(id);
    if (cached && now - cached.readAt < CLIENT_CACHE_MS) return cached.client;
    const row = await this.db.get(GET, [id]);
    if (!row) {
      this.#cache.delete(id);
      return undefined;
    }
    const client = toClient(row);
    this.#cache.set(id, { client, readAt: now });
    return client;
  }

  async list(): Promise<ClientRecord[]> {
    return (await this.db.all(LIST)).map(toClient);
  }

  // The device grant settings are read at each OAuth request, never cached: they may change (on
  // any instance), unlike the client's row.
  async getDeviceGrant(id: string): Promise<DeviceGrantSettings | undefined> {
    const row = await this.db.get(GET_DEVICE_GRANT, [id]);
    return row && toDeviceGrantSettings(row);
  }

  async setDeviceGrant(id: string, settings: DeviceGrantSettings | null): Promise<boolean> {
    if (settings === null) {
      await this.db.run(DELETE_DEVICE_GRANT, [id]);
      return (await this.db.get(CLIENT_EXISTS, [id])) !== undefined;
    }
    const params = [settings.verificationUri, settings.tokenEndpointAuthMethod, id];
    return (await this.db.run(SET_DEVICE_GRANT, params)) === 1;
  }
}
