/**
 * Handoff on Postgres (issue 17, goals 5 and 6): the authorize request against its Postgres floor
 * (lib/postgres-floor-server.ts), full cycles on one and on two instances next to SQLite's,
 * what a cycle costs in CPU on the instance and on Postgres, how many waits one instance holds
 * per GiB, and how many NOTIFYs one Postgres carries before notifying commits queue on NOTIFY's
 * global lock — the measured inputs of the capacity table in docs/deployment-postgres.md.
 */

import { startPostgres } from "../packages/service/test/postgres-server.ts";
import { type AuthorizeFloorResult, benchAuthorizeFloor } from "./authorize-floor.ts";
import { benchConcurrentWaits, type ConcurrentWaitsResult } from "./concurrent-waits.ts";
import { startDurablePostgres } from "./lib/durable-postgres.ts";
import { type CycleUser, createCycleUsers, handoffCycle } from "./lib/handoff-cycle.ts";
import { type FanOutPoint, measureFanOut } from "./lib/notify-fan-out.ts";
import { measureNotify, type NotifySweep } from "./lib/notify-throughput.ts";
import { cpuSeconds, cpuSpent, postmasterPid, treeCpuSeconds } from "./lib/process-cpu.ts";
import { runFor } from "./lib/run-for.ts";
import { attachBenchService, type BenchService, createBenchClient, startBenchService } from "./lib/service-process.ts";
import { ratio } from "./lib/stats.ts";

/** Sizes of the Postgres section. */
export interface PostgresSizes {
  /** Seconds of authorize, per side (Handoff, floor), in 3 interleaved rounds. */
  authorizeSeconds: number;
  /** Codes made beforehand per authorize worker. */
  authorizeCodes: number;
  concurrency: number;
  /** Seconds of each cycle round, per setup. */
  cycleSeconds: number;
  cycleRounds: number;
  /** Waits held at once by one instance, for its RSS per wait. */
  waits: number;
  /** Numbers of publishing connections of the NOTIFY sweeps. */
  notifyPublishers: readonly number[];
  notifySeconds: number;
  /** Numbers of listening sessions (instances) of the fan-out sweep. */
  fanOutListeners: readonly number[];
  /** Numbers of listening sessions of the sharded fan-out (a channel per session). */
  shardedListeners: readonly number[];
}

/** Cycles of one setup: per second over all rounds, and what they cost in CPU. */
export interface CycleFigures {
  cyclesPerSecond: number;
  roundsCyclesPerSecond: number[];
  /** CPU of the service instance(s) per cycle, ms. */
  instanceCpuMsPerCycle: number;
  /** CPU of the whole Postgres server (every backend) per cycle, ms; 0 on SQLite. */
  postgresCpuMsPerCycle: number;
}

export interface PostgresResult {
  /** `POST …/codes/short/authorize` on Postgres against the Postgres floor. */
  authorize: AuthorizeFloorResult;
  cycles: {
    concurrency: number;
    secondsPerRound: number;
    rounds: number;
    sqlite: CycleFigures;
    /** Generate, wait and authorize on one instance, on Postgres. */
    postgresOne: CycleFigures;
    /** Generate and authorize on instance 1, the wait held by instance 2. */
    postgresTwo: CycleFigures;
    /** Cycles/s on Postgres over SQLite's, same run. */
    oneOverSqlite: number;
    twoOverSqlite: number;
  };
  /** Waits held by one instance on Postgres, with RSS per wait. */
  waits: ConcurrentWaitsResult;
  notify: {
    /** The bench's test server: fsync and synchronous_commit off. */
    test: NotifySweep;
    /** A durable server: fsync and synchronous_commit on, as in production. */
    durable: NotifySweep;
    /** The test server, 4 publishers, more and more listening sessions (instances). */
    fanOut: FanOutPoint[];
  };
}

/** Runs `cycle` for `seconds` from `users.length` workers; answers cycles/s and the CPU spent. */
async function cycleRound(
  users: readonly CycleUser[],
  seconds: number,
  cycle: (user: CycleUser) => Promise<void>,
  instancePids: readonly number[],
  postmaster: number | undefined,
): Promise<{ perSecond: number; cycles: number; instanceCpu: number; postgresCpu: number }> {
  const instanceBefore = instancePids.map(cpuSeconds);
  const postgresBefore = postmaster === undefined ? new Map<number, number>() : treeCpuSeconds(postmaster);
  const started = performance.now();
  const perSecond = await runFor(seconds, users.length, (worker) => cycle(users[worker] as CycleUser));
  const elapsed = (performance.now() - started) / 1000;
  const instanceCpu = instancePids.reduce((sum, pid, i) => sum + cpuSeconds(pid) - (instanceBefore[i] ?? 0), 0);
  const postgresCpu = postmaster === undefined ? 0 : cpuSpent(postgresBefore, treeCpuSeconds(postmaster));
  return { perSecond, cycles: perSecond * elapsed, instanceCpu, postgresCpu };
}

/** Rounds of one setup together. */
function figures(rounds: readonly Awaited<ReturnType<typeof cycleRound>>[]): CycleFigures {
  const cycles = rounds.reduce((sum, round) => sum + round.cycles, 0);
  const perMs = (seconds: number) => Math.round((seconds * 1000 * 100) / cycles) / 100;
  const roundsCyclesPerSecond = rounds.map((round) => Math.round(round.perSecond));
  return {
    cyclesPerSecond: Math.round(rounds.reduce((sum, round) => sum + round.perSecond, 0) / rounds.length),
    roundsCyclesPerSecond,
    instanceCpuMsPerCycle: perMs(rounds.reduce((sum, round) => sum + round.instanceCpu, 0)),
    postgresCpuMsPerCycle: perMs(rounds.reduce((sum, round) => sum + round.postgresCpu, 0)),
  };
}

async function benchCycles(
  sqlite: BenchService,
  one: BenchService,
  two: BenchService,
  postmaster: number,
  sizes: PostgresSizes,
): Promise<PostgresResult["cycles"]> {
  const sqliteUsers = await createCycleUsers(sqlite, sizes.concurrency, "ps");
  const postgresUsers = await createCycleUsers(one, sizes.concurrency, "pp");
  // Untimed warm-up of each setup.
  for (const user of sqliteUsers) await handoffCycle(sqlite, user);
  for (const user of postgresUsers) await handoffCycle(one, user, two);
  const rounds = { sqlite: [], one: [], two: [] } as Record<
    "sqlite" | "one" | "two",
    Awaited<ReturnType<typeof cycleRound>>[]
  >;
  // Interleaved rounds, so a slower stretch of the machine falls on every setup alike.
  for (let round = 0; round < sizes.cycleRounds; round += 1) {
    rounds.sqlite.push(
      await cycleRound(sqliteUsers, sizes.cycleSeconds, (user) => handoffCycle(sqlite, user), [sqlite.pid], undefined),
    );
    rounds.one.push(
      await cycleRound(postgresUsers, sizes.cycleSeconds, (user) => handoffCycle(one, user), [one.pid], postmaster),
    );
    rounds.two.push(
      await cycleRound(
        postgresUsers,
        sizes.cycleSeconds,
        (user) => handoffCycle(one, user, two),
        [one.pid, two.pid],
        postmaster,
      ),
    );
  }
  const result = { sqlite: figures(rounds.sqlite), one: figures(rounds.one), two: figures(rounds.two) };
  return {
    concurrency: sizes.concurrency,
    secondsPerRound: sizes.cycleSeconds,
    rounds: sizes.cycleRounds,
    sqlite: result.sqlite,
    postgresOne: result.one,
    postgresTwo: result.two,
    oneOverSqlite: ratio(result.one.cyclesPerSecond, result.sqlite.cyclesPerSecond),
    twoOverSqlite: ratio(result.two.cyclesPerSecond, result.sqlite.cyclesPerSecond),
  };
}

/** A step of the section on stderr, with the time since it started (the section runs for minutes). */
function step(started: number, what: string): void {
  process.stderr.write(` ${what} (${Math.round((performance.now() - started) / 1000)} s)…`);
}

/** The whole Postgres section. */
export async function benchPostgres(sizes: PostgresSizes): Promise<PostgresResult> {
  const started = performance.now();
  const postgres = await startPostgres();
  try {
    const postmaster = postmasterPid(postgres.port);
    const postgresCpu = () => [...treeCpuSeconds(postmaster).values()].reduce((sum, seconds) => sum + seconds, 0);
    const database = await postgres.createDatabase();
    const floorDatabase = await postgres.createDatabase();
    const client = createBenchClient(database);
    const one = await attachBenchService(database, client);
    const two = await attachBenchService(database, client);
    const sqlite = await startBenchService();
    let authorize: AuthorizeFloorResult;
    let cycles: PostgresResult["cycles"];
    try {
      step(started, "authorize");
      authorize = await benchAuthorizeFloor(
        one,
        one.privateKeyJwk,
        sizes.authorizeSeconds,
        sizes.concurrency,
        sizes.authorizeCodes,
        3,
        {
          server: { script: new URL("./lib/postgres-floor-server.ts", import.meta.url), args: [floorDatabase] },
          databaseCpuSeconds: postgresCpu,
        },
      );
      step(started, "cycles");
      cycles = await benchCycles(sqlite, one, two, postmaster, sizes);
    } finally {
      await Promise.all([one.stop(), two.stop(), sqlite.stop()]);
    }
    // A fresh instance holds the waits, so its RSS before is that of an idle instance.
    // Held up to 10 minutes: on a busy machine, releasing 10,000 waits on Postgres takes longer than the default 2.
    const holder = await attachBenchService(database, client, { waitTimeoutMs: 600_000 });
    let waits: ConcurrentWaitsResult;
    step(started, "waits");
    try {
      waits = await benchConcurrentWaits(holder, sizes.waits, 1_000);
    } finally {
      await holder.stop();
    }
    const notifyOptions = { publishers: sizes.notifyPublishers, secondsPerPoint: sizes.notifySeconds, listeners: 2 };
    step(started, "notify");
    const test = await measureNotify(await postgres.createDatabase(), { ...notifyOptions, durable: false });
    step(started, "fan-out");
    const fanOut = await measureFanOut(await postgres.createDatabase(), {
      listeners: sizes.fanOutListeners,
      shardedListeners: sizes.shardedListeners,
      publishers: 4,
      seconds: sizes.notifySeconds,
      postgresCpuSeconds: postgresCpu,
    });
    step(started, "durable notify");
    const durableServer = await startDurablePostgres();
    let durable: NotifySweep;
    try {
      durable = await measureNotify(durableServer.url, { ...notifyOptions, durable: true });
    } finally {
      await durableServer.stop();
    }
    return {
      authorize,
      cycles,
      waits,
      notify: { test, durable, fanOut },
    };
  } finally {
    await postgres.stop();
  }
}
