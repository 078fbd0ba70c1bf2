/**
 * Authorize against its floor (issue 17, goal 1): `POST …/codes/short/authorize` requests per
 * second and latency at a fixed concurrency, next to the floor handler of lib/floor-server.ts
 * (same Hono, jose and node:sqlite; one ES256 verify and one transaction of four writes) run
 * the same way, as its own process, in the same run. Both receive a freshly signed bearer token
 * per request, so the client's signing cost is the same on both sides.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { importJWK, type JWK, SignJWT } from "jose";
import type { BenchService } from "./lib/service-process.ts";
import { ratio, type Summary, summarize } from "./lib/stats.ts";

export interface AuthorizeFloorResult {
  concurrency: number;
  /** Seconds each side ran, in `rounds` interleaved rounds. */
  seconds: number;
  rounds: number;
  handoff: SideResult;
  floor: SideResult;
  /** Handoff's requests per second over the floor's (goal ≥ 0.8). */
  throughputRatio: number;
  /** Handoff's p50 and p99 latency over the floor's (goal ≤ 1.3). */
  p50Ratio: number;
  p99Ratio: number;
}

/** One side's figures. */
export interface SideResult {
  requestsPerSecond: number;
  latencyMs: Summary;
  /** CPU of the database server per request, ms, when it runs in processes of its own (Postgres). */
  databaseCpuMsPerRequest?: number;
}

/** What the Postgres section adds: another floor server, and the database server's CPU. */
export interface FloorOptions {
  /** Default: {@link SQLITE_FLOOR}. */
  server?: FloorServer;
  /** Cumulative CPU seconds of the database server (lib/process-cpu.ts); none for SQLite. */
  databaseCpuSeconds?: () => number;
}

/** Requests sent by {@link drive} and their latencies. */
interface Driven {
  requests: number;
  seconds: number;
  latencies: number[];
  /** Database CPU seconds spent meanwhile (0 when not measured). */
  databaseCpu: number;
}

/** Runs `send` from `concurrency` workers for `seconds` (or until `send` says there is no more). */
async function drive(
  seconds: number,
  concurrency: number,
  send: (worker: number) => Promise<boolean>,
): Promise<Driven> {
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < deadline) {
        const sent = performance.now();
        if (!(await send(worker))) return;
        latencies.push(performance.now() - sent);
      }
    }),
  );
  return { requests: latencies.length, seconds: (performance.now() - started) / 1000, latencies, databaseCpu: 0 };
}

/** The rounds of one side together: requests per second over all of them, and every latency. */
function total(rounds: readonly Driven[], measured: boolean): SideResult {
  const requests = rounds.reduce((sum, round) => sum + round.requests, 0);
  const seconds = rounds.reduce((sum, round) => sum + round.seconds, 0);
  const databaseCpu = rounds.reduce((sum, round) => sum + round.databaseCpu, 0);
  return {
    requestsPerSecond: Math.round(requests / seconds),
    latencyMs: summarize(rounds.flatMap((round) => round.latencies)),
    ...(measured ? { databaseCpuMsPerRequest: Math.round((databaseCpu * 1000 * 100) / requests) / 100 } : {}),
  };
}

/** Which floor server to run: its script, and the arguments after the public JWK. */
export interface FloorServer {
  script: URL;
  args: readonly string[];
}

/** The SQLite floor (lib/floor-server.ts), the default. */
export const SQLITE_FLOOR: FloorServer = { script: new URL("./lib/floor-server.ts", import.meta.url), args: [] };

/** Starts the floor server with the bench client's public key. */
async function startFloor(privateJwk: JWK, server: FloorServer): Promise<{ url: string; child: ChildProcess }> {
  const { d: _private, ...publicJwk } = privateJwk;
  const child = spawn(process.execPath, [fileURLToPath(server.script), JSON.stringify(publicJwk), ...server.args], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /\{"url":"([^"]+)"\}/.exec(out);
      if (match) resolve(match[1] as string);
    });
    child.once("exit", (code) => reject(new Error(`floor server exited ${code}`)));
  });
  return { url, child };
}

export async function benchAuthorizeFloor(
  service: BenchService,
  privateJwk: JWK,
  seconds: number,
  concurrency: number,
  codesPerWorker: number,
  rounds = 3,
  { server = SQLITE_FLOOR, databaseCpuSeconds }: FloorOptions = {},
): Promise<AuthorizeFloorResult> {
  // Codes to authorize, made beforehand (the timed part is authorize alone), one live code per
  // user as in real use: a user with hundreds of live codes would make each match scan them all.
  const pools = await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      const pending: { userId: string; code: string }[] = [];
      for (let i = 0; i < codesPerWorker; i += 1) {
        const userId = await service.createUser(`floor-${worker}-${i}-${crypto.randomUUID()}@bench.local`);
        pending.push({ userId, code: await service.generate(userId) });
      }
      return pending;
    }),
  );
  const authorize = async (worker: number) => {
    const next = pools[worker]?.pop();
    if (next === undefined) return false;
    const response = await service.authorize(next.userId, next.code);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`authorize answered ${response.status}`);
    return true;
  };

  const floor = await startFloor(privateJwk, server);
  try {
    const key = await importJWK(privateJwk, "ES256");
    const floorAuthorize = async () => {
      const token = await new SignJWT({
        client_id: service.clientId,
        type: "codes.authorize",
        nonce: crypto.randomUUID(),
      })
        .setProtectedHeader({ alg: "ES256" })
        .setIssuedAt()
        .sign(key);
      const response = await fetch(`${floor.url}/authorize`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ code: crypto.randomUUID() }),
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`floor answered ${response.status}`);
      return true;
    };
    // Interleaved rounds, so a slower stretch of the machine falls on both sides alike.
    const measured = async (run: () => Promise<Driven>): Promise<Driven> => {
      const before = databaseCpuSeconds?.() ?? 0;
      const driven = await run();
      return { ...driven, databaseCpu: (databaseCpuSeconds?.() ?? 0) - before };
    };
    const handoffRounds: Driven[] = [];
    const floorRounds: Driven[] = [];
    for (let round = 0; round < rounds; round += 1) {
      handoffRounds.push(await measured(() => drive(seconds / rounds, concurrency, authorize)));
      floorRounds.push(await measured(() => drive(seconds / rounds, concurrency, floorAuthorize)));
    }
    const handoff = total(handoffRounds, databaseCpuSeconds !== undefined);
    const floorResult = total(floorRounds, databaseCpuSeconds !== undefined);
    return {
      concurrency,
      seconds,
      rounds,
      handoff,
      floor: floorResult,
      throughputRatio: ratio(handoff.requestsPerSecond, floorResult.requestsPerSecond),
      p50Ratio: ratio(handoff.latencyMs.median, floorResult.latencyMs.median),
      p99Ratio: ratio(handoff.latencyMs.p99, floorResult.latencyMs.p99),
    };
  } finally {
    floor.child.kill("SIGTERM");
  }
}
