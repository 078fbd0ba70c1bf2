import { type ChildProcess, execFile, spawn } from "node:child_process";
import { chown, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { Client } from "pg";

const run = promisify(execFile);
const script = fileURLToPath(new URL("../../../scripts/postgres.sh", import.meta.url));

/** A throwaway PostgreSQL server on loopback, for one test file. */
export interface PostgresServer {
  /** Port it listens on (127.0.0.1 only). */
  port: number;
  /** Creates an empty database and returns its `postgres://` URL. */
  createDatabase(): Promise<string>;
  /** Runs one statement as the superuser in the database of `url`; returns the rows. */
  query(url: string, sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  /** Stops the server and deletes its data directory. */
  stop(): Promise<void>;
}

/** Who runs initdb and postgres: they refuse root, so root hands them to the `postgres` user. */
async function serverUser(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const uid = Number((await run("id", ["-u", "postgres"])).stdout.trim());
    const gid = Number((await run("id", ["-g", "postgres"])).stdout.trim());
    return { uid, gid };
  } catch {
    throw new Error("Running as root needs the `postgres` user that Debian's postgresql package creates.");
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

/**
 * Starts PostgreSQL from Debian's package (installed by `scripts/postgres.sh` when missing) in
 * a temporary data directory on a free loopback port, with trust authentication and durability
 * off (tests only). Throws, never skips, when it cannot.
 */
export async function startPostgres(): Promise<PostgresServer> {
  const bindir = (await run("bash", [script], { timeout: 600_000 })).stdout.trim();
  const user = await serverUser();
  const dir = await mkdtemp(join(tmpdir(), "handoff-pg-"));
  if (user) await chown(dir, user.uid, user.gid);
  const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", LANG: "C", LC_ALL: "C", HOME: dir };
  const as = { cwd: dir, env, ...(user ?? {}) };
  const data = join(dir, "data");
  await run(
    join(bindir, "initdb"),
    ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"],
    as,
  );

  const port = await freePort();
  const settings = ["listen_addresses=127.0.0.1", "fsync=off", "synchronous_commit=off", "full_page_writes=off"];
  const child = spawn(
    join(bindir, "postgres"),
    ["-D", data, "-k", dir, "-p", String(port), ...settings.flatMap((s) => ["-c", s])],
    {
      ...as,
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let log = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4_000);
  });
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);

  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  const query = async (target: string, sql: string, params: unknown[] = []) => {
    const client = new Client({ connectionString: target });
    await client.connect();
    try {
      return (await client.query<Record<string, unknown>>(sql, params)).rows;
    } finally {
      await client.end();
    }
  };
  const stop = async () => {
    process.off("exit", killOnExit);
    child.kill("SIGINT");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited(child);
    clearTimeout(timer);
    await rm(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`postgres exited with ${child.exitCode}:\n${log}`);
    }
    try {
      await query(url("postgres"), "SELECT 1");
      break;
    } catch (error) {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`postgres did not accept connections within 15 s: ${String(error)}\n${log}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  let databases = 0;
  return {
    port,
    async createDatabase() {
      const name = `handoff_test_${++databases}`;
      await query(url("postgres"), `CREATE DATABASE ${name} STRATEGY file_copy`);
      return url(name);
    },
    query,
    stop,
  };
}
