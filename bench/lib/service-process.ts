/**
 * Runs the real service as a child process (its CLI, as deployed), creates a client, and calls it
 * as a backend would: everything the benchmarks measure crosses real loopback HTTP.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type CryptoKey, importJWK, type JWK, SignJWT } from "jose";

const cli = fileURLToPath(new URL("../../packages/service/dist/cli.js", import.meta.url));

/** A service process and a backend calling it. */
export interface BenchService {
  url: string;
  clientId: string;
  /** The client's private key, PKCS#8 PEM (what a backend configures). */
  privateKeyPem: string;
  /** The same key as a JWK. */
  privateKeyJwk: JWK;
  pid: number;
  /** The process's inspector (`ws://127.0.0.1:…`), when started with `inspect: true`. */
  inspectorUrl?: string;
  /** Resident set size of the service process, in MiB. */
  rssMiB(): number;
  post(path: string, body: unknown, scope?: string): Promise<Response>;
  createUser(username: string): Promise<string>;
  generate(userId: string, type?: string, authorize?: boolean): Promise<string>;
  authorize(userId: string, code: string, type?: string): Promise<Response>;
  wait(username: string, code: string, type?: string, signal?: AbortSignal): Promise<Response>;
  stop(): Promise<void>;
}

/** A client created with the CLI's `create-client`. */
export interface BenchClient {
  client_id: string;
  private_key_jwk: JWK;
  private_key_pem: string;
}

/** Creates a client in `database` (a SQLite path or a `postgres://` URL) with the CLI. */
export function createBenchClient(database: string): BenchClient {
  return JSON.parse(
    execFileSync(process.execPath, [cli, "create-client", "--db", database, "--name", "bench", "--json"], {
      encoding: "utf8",
    }),
  ) as BenchClient;
}

/** Starts the service CLI on a fresh SQLite file with one client. */
export async function startBenchService(options: BenchServiceOptions = {}): Promise<BenchService> {
  const dir = mkdtempSync(join(tmpdir(), "handoff-bench-"));
  const database = join(dir, "handoff.db");
  const service = await attachBenchService(database, createBenchClient(database), options);
  return {
    ...service,
    async stop() {
      await service.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** How a bench service process runs. */
export interface BenchServiceOptions {
  waitTimeoutMs?: number;
  /** Open the process's inspector on a free loopback port (lib/heap-probe.ts reads its heap). */
  inspect?: boolean;
}

/** Starts one more service process on `database` for an existing client (several instances). */
export async function attachBenchService(
  database: string,
  created: BenchClient,
  options: BenchServiceOptions = {},
): Promise<BenchService> {
  const child: ChildProcess = spawn(
    process.execPath,
    // Every simulated device calls from the loopback address: the per-address wait cap is lifted.
    [
      ...(options.inspect ? ["--inspect=127.0.0.1:0"] : []),
      cli,
      "start",
      "--port",
      "0",
      "--db",
      database,
      "--wait-timeout-ms",
      String(options.waitTimeoutMs ?? 120_000),
      // Every simulated device calls from 127.0.0.1: lift the per-address caps.
      "--max-waits-per-address",
      "1000000",
      "--max-failed-attempts-per-address",
      "1000000",
    ],
    { stdio: ["ignore", "pipe", options.inspect ? "pipe" : "inherit"] },
  );
  const inspectorUrl = options.inspect
    ? await new Promise<string>((resolve) => {
        let err = "";
        const onData = (chunk: Buffer) => {
          err += chunk.toString();
          const match = /Debugger listening on (ws:\/\/\S+)/.exec(err);
          if (!match) return;
          child.stderr?.off("data", onData);
          child.stderr?.pipe(process.stderr);
          resolve(match[1] as string);
        };
        child.stderr?.on("data", onData);
      })
    : undefined;
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /"msg":"listening","url":"([^"]+)"/.exec(out);
      if (!match) return;
      // Request logs are not read (nor kept: appending every line to `out` made the bench's
      // own process slower with each request), but the pipe stays drained so the child never
      // blocks.
      child.stdout?.off("data", onData);
      child.stdout?.resume();
      out = "";
      resolve(match[1] as string);
    };
    child.stdout?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`service exited ${code}`)));
  });
  const key = (await importJWK(created.private_key_jwk, "ES256")) as CryptoKey;
  const clientId = created.client_id;
  const token = (scope: string) =>
    new SignJWT({ client_id: clientId, type: scope, nonce: crypto.randomUUID() })
      .setProtectedHeader({ alg: "ES256" })
      .setIssuedAt()
      .sign(key);
  const post = async (path: string, body: unknown, scope?: string) =>
    fetch(`${url}${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(scope ? { authorization: `Bearer ${await token(scope)}` } : {}),
      },
      body: JSON.stringify(body),
    });
  const json = async <T>(response: Response): Promise<T> => {
    if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return {
    url,
    clientId,
    privateKeyPem: created.private_key_pem,
    privateKeyJwk: created.private_key_jwk,
    pid: child.pid as number,
    ...(inspectorUrl ? { inspectorUrl } : {}),
    rssMiB() {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    post,
    async createUser(username) {
      return (await json<{ id: string }>(await post("/api/native/manage/users", { username }, "users.create"))).id;
    },
    async generate(userId, type = "short", authorize = false) {
      const body = { client_id: clientId, user_id: userId, purpose: "temporary_authentication", authorize };
      return (await json<{ code: string }>(await post(`/api/native/codes/${type}/generate`, body, "codes.generate")))
        .code;
    },
    authorize(userId, code, type = "short") {
      return post(
        `/api/native/codes/${type}/authorize`,
        { client_id: clientId, user_id: userId, purpose: "temporary_authentication", code },
        "codes.authorize",
      );
    },
    wait(username, code, type = "short", signal) {
      return fetch(`${url}/api/native/authenticate/code/wait`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ client_id: clientId, username, authentication_code: { code, type } }),
        ...(signal ? { signal } : {}),
      });
    },
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
