/**
 * A throwaway PostgreSQL server with production durability (fsync, synchronous_commit and
 * full_page_writes at their defaults: on), for what the test server of
 * packages/service/test/postgres-server.ts cannot show, since it runs with durability off and
 * command-line settings that ALTER SYSTEM cannot override: how long a commit holds NOTIFY's lock
 * when it waits for its WAL flush. Debian's binaries (scripts/postgres.sh), a temporary data
 * directory, 127.0.0.1 on a free port, trust authentication.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { chown, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);
const script = fileURLToPath(new URL("../../scripts/postgres.sh", import.meta.url));

/** A running durable server. */
export interface DurablePostgres {
  /** The superuser's URL of its `postgres` database. */
  url: string;
  port: number;
  stop(): Promise<void>;
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

/** initdb and postgres refuse root: as root, they run as Debian's `postgres` user. */
async function serverUser(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number((await run("id", ["-u", "postgres"])).stdout.trim());
  const gid = Number((await run("id", ["-g", "postgres"])).stdout.trim());
  return { uid, gid };
}

/** Starts the server; throws when it does not accept connections within 15 s. */
export async function startDurablePostgres(): Promise<DurablePostgres> {
  const bindir = (await run("bash", [script], { timeout: 600_000 })).stdout.trim();
  const user = await serverUser();
  const dir = await mkdtemp(join(tmpdir(), "handoff-pg-durable-"));
  if (user) await chown(dir, user.uid, user.gid);
  const as = { cwd: dir, env: { PATH: process.env.PATH ?? "/usr/bin:/bin", LANG: "C", HOME: dir }, ...(user ?? {}) };
  const data = join(dir, "data");
  await run(join(bindir, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C"], as);
  const port = await freePort();
  const child: ChildProcess = spawn(
    join(bindir, "postgres"),
    ["-D", data, "-k", dir, "-p", String(port), "-c", "listen_addresses=127.0.0.1"],
    { ...as, stdio: ["ignore", "ignore", "ignore"] },
  );
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const stop = async () => {
    process.off("exit", killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGINT");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 15_000;
  for (;;) {
    const probe = new pg.Client({ connectionString: url });
    try {
      await probe.connect();
      await probe.end();
      return { url, port, stop };
    } catch (error) {
      if (child.exitCode !== null || Date.now() > deadline) {
        await stop();
        throw new Error(`durable postgres did not start: ${String(error)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
