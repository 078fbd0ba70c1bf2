import { afterAll } from "vitest";
import { type PostgresServer, startPostgres } from "./postgres-server.js";

/** Starts a PostgreSQL server for the test file, stopped after all its tests. */
export async function usePostgres(): Promise<PostgresServer> {
  const server = await startPostgres();
  afterAll(() => server.stop());
  return server;
}
