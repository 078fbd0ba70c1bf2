import type { SigningKeyRecord } from "../records.js";
import { type Row, toSigningKey } from "../rows.js";
import { sql } from "../sql/query.js";
import { jsonText, msOrNull } from "../sql/sql-database.js";
import type { KeyStore } from "../storage.js";
import { SqlStore } from "./sql-store.js";

const LIST_SIGNING_KEYS = sql("SELECT * FROM signing_keys ORDER BY created_at DESC, kid");
const INSERT_SIGNING_KEY = sql(
  "INSERT INTO signing_keys (kid, private_jwk, public_jwk, created_at, retired_at) VALUES (?, ?, ?, ?, ?)",
);
const RETIRE_SIGNING_KEYS = sql("UPDATE signing_keys SET retired_at = ? WHERE kid <> ? AND retired_at IS NULL");
const INSERT_SECRET = sql("INSERT INTO secrets (name, value) VALUES (?, ?) ON CONFLICT DO NOTHING");
const GET_SECRET = sql("SELECT value FROM secrets WHERE name = ?");

/** {@link KeyStore} on the `signing_keys` and `secrets` tables, in either dialect. */
export class SqlKeyStore extends SqlStore implements KeyStore {
  async listSigningKeys(): Promise<SigningKeyRecord[]> {
    return (await this.db.all(LIST_SIGNING_KEYS)).map(toSigningKey);
  }

  async insertSigningKey(key: SigningKeyRecord): Promise<void> {
    await this.db.run(INSERT_SIGNING_KEY, [
      key.kid,
      jsonText(key.privateJwk),
      jsonText(key.publicJwk),
      key.createdAt.getTime(),
      msOrNull(key.retiredAt),
    ]);
  }

  async retireSigningKeys(except: string, now: Date): Promise<void> {
    await this.db.run(RETIRE_SIGNING_KEYS, [now.getTime(), except]);
  }

  async getOrCreateSecret(name: string, create: () => string): Promise<string> {
    // The first writer wins; every caller then reads the winner's value.
    await this.db.run(INSERT_SECRET, [name, create()]);
    return String(((await this.db.get(GET_SECRET, [name])) as Row).value);
  }
}
