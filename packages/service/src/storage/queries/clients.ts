import type { ClientRecord } from "../records.js";
import { toClient } from "../rows.js";
import { sql } from "../sql/query.js";
import { jsonText, type SqlDatabase } from "../sql/sql-database.js";
import type { ClientStore } from "../storage.js";
import { SqlStore } from "./sql-store.js";

const INSERT = sql(
  "INSERT INTO clients (id, name, namespace_id, public_key_jwk, origins, created_at) VALUES (?, ?, ?, ?, ?, ?)",
);
const GET = sql("SELECT * FROM clients WHERE id = ?");
const LIST = sql("SELECT * FROM clients ORDER BY created_at, id");

/**
 * {@link ClientStore} on the `clients` table, in either dialect. A client is never changed once
 * stored (there is no update nor delete), so `get` keeps each client it found in `cache` (shared
 * with the stores of the storage's transactions) and reads it once per process: every service
 * token names its client. An id not found is not kept (the CLI or another instance may store it
 * next), so the cache holds stored clients only. A future update or delete of clients must evict.
 */
export class SqlClientStore extends SqlStore implements ClientStore {
  readonly #cache: Map<string, ClientRecord>;

  /** Runs the queries on `db`, keeping the clients found in `cache`. */
  constructor(db: SqlDatabase, cache: Map<string, ClientRecord>) {
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
    const cached = this.#cache.get(id);
    if (cached) return cached;
    const row = await this.db.get(GET, [id]);
    if (!row) return undefined;
    const client = toClient(row);
    this.#cache.set(id, client);
    return client;
  }

  async list(): Promise<ClientRecord[]> {
    return (await this.db.all(LIST)).map(toClient);
  }
}
