import type { ClientRecord } from "../records.js";
import { toClient } from "../rows.js";
import { sql } from "../sql/query.js";
import { jsonText } from "../sql/sql-database.js";
import type { ClientStore } from "../storage.js";
import { SqlStore } from "./sql-store.js";

const INSERT = sql(
  "INSERT INTO clients (id, name, namespace_id, public_key_jwk, origins, created_at) VALUES (?, ?, ?, ?, ?, ?)",
);
const GET = sql("SELECT * FROM clients WHERE id = ?");
const LIST = sql("SELECT * FROM clients ORDER BY created_at, id");

/** {@link ClientStore} on the `clients` table, in either dialect. */
export class SqlClientStore extends SqlStore implements ClientStore {
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
    const row = await this.db.get(GET, [id]);
    return row && toClient(row);
  }

  async list(): Promise<ClientRecord[]> {
    return (await this.db.all(LIST)).map(toClient);
  }
}
