import type { Pool } from "pg";
import { POSTGRES_MIGRATIONS } from "./migrations.js";

/**
 * Runs the migrations `schema_migrations` has not recorded, in one transaction that holds a
 * transaction-level advisory lock: instances starting together take turns, and the ones after
 * the first find nothing left to do. A failed migration rolls back entirely.
 */
export async function migratePostgres(pool: Pool, migrations: readonly string[] = POSTGRES_MIGRATIONS): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    // READ COMMITTED whatever the default: the instance that waited for the lock must see the
    // migrations the one before it committed.
    await client.query("BEGIN ISOLATION LEVEL READ COMMITTED");
    await client.query("SELECT pg_advisory_xact_lock(hashtext('handoff:schema_migrations'))");
    await client.query(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)",
    );
    const { rows } = await client.query<{ version: number | null }>(
      "SELECT MAX(version) AS version FROM schema_migrations",
    );
    const applied = rows[0]?.version ?? 0;
    for (let index = applied; index < migrations.length; index++) {
      await client.query(migrations[index] as string);
      await client.query("INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)", [
        index + 1,
        Date.now(),
      ]);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
