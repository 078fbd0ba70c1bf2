import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { usePostgres } from "./use-postgres.js";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const server = await usePostgres();
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
});

function spawnCli(args: string[]) {
  const child = spawn(process.execPath, [cli, ...args]);
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const closed = new Promise<number | null>((resolve) => child.on("close", resolve));
  return { child, closed, stdout: () => stdout, stderr: () => stderr };
}

describe("handoff-service CLI with --db postgres://", () => {
  it("creates a client in Postgres, and start serves it", async () => {
    const database = await server.createDatabase();
    const created = spawnCli(["create-client", "--db", database, "--name", "demo", "--json"]);
    expect(await created.closed).toBe(0);
    const clientId = (JSON.parse(created.stdout()) as { client_id: string }).client_id;
    const rows = await server.query(database, "SELECT name FROM clients WHERE id = $1", [clientId]);
    expect(rows).toEqual([{ name: "demo" }]);

    const started = spawnCli(["start", "--db", database, "--port", "0"]);
    const url = await new Promise<string>((resolve, reject) => {
      started.child.stdout?.on("data", () => {
        const match = /"msg":"listening","url":"([^"]+)"/.exec(started.stdout());
        if (match) resolve(match[1] as string);
      });
      started.closed.then((code) => reject(new Error(`exited ${code}: ${started.stderr()}`)));
    });
    expect(await (await fetch(`${url}/health`)).json()).toEqual({ status: "ok" });
    const listening = await server.query(
      database,
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'handoff:listen' AND datname = current_database()",
    );
    expect(listening).toEqual([{ n: 1 }]);
    started.child.kill("SIGTERM");
    expect(await started.closed).toBe(0);
  });

  it("exits 1 with a message when Postgres refuses the connection", async () => {
    const run = spawnCli(["create-client", "--db", "postgres://postgres@127.0.0.1:1/none", "--name", "demo"]);
    expect(await run.closed).toBe(1);
    expect(run.stderr()).toMatch(/^handoff-service: .*ECONNREFUSED/);
  });
});
