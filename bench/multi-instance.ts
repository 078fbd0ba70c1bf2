/**
 * Two service instances on one Postgres: the wait is held by instance 2 and the authorize goes to
 * instance 1, so the wake-up crosses LISTEN/NOTIFY. Baselines from the same run: the same wake-up
 * with both calls on one instance, and a bare round trip.
 */
import { startPostgres } from "../packages/service/test/postgres-server.ts";
import { attachBenchService, type BenchService, createBenchClient } from "./lib/service-process.ts";
import { ratio, type Summary, summarize } from "./lib/stats.ts";

export interface MultiInstanceResult {
  iterations: number;
  roundTrip: Summary;
  /** Authorize on instance 1 → JWT at the wait held by instance 2, ms. */
  crossInstance: Summary;
  /** Authorize and wait on the same instance (Postgres), ms. */
  sameInstance: Summary;
  p99RatioCrossVsSame: number;
  /** Waits held by instance 2, released by authorizes on instance 1. */
  concurrent: { waits: number; errors: number; releaseMs: number; sameInstanceReleaseMs: number; ratio: number };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function wakeUps(
  authorizer: BenchService,
  waiter: BenchService,
  userId: string,
  username: string,
  n: number,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const code = await authorizer.generate(userId);
    let received = 0;
    const waiting = waiter.wait(username, code).then(async (response) => {
      await response.arrayBuffer();
      received = performance.now();
      if (response.status !== 200) throw new Error(`wait answered ${response.status}`);
    });
    await sleep(15);
    const sent = performance.now();
    await (await authorizer.authorize(userId, code)).arrayBuffer();
    await waiting;
    times.push(received - sent);
  }
  return times;
}

async function release(
  authorizer: BenchService,
  waiter: BenchService,
  waits: number,
): Promise<{ errors: number; releaseMs: number }> {
  const users = await Promise.all(
    Array.from({ length: waits }, async (_, i) => {
      const username = `m${i}-${crypto.randomUUID()}@bench.local`;
      const userId = await authorizer.createUser(username);
      return { username, userId, code: await authorizer.generate(userId) };
    }),
  );
  let errors = 0;
  let last = 0;
  const held = users.map(({ username, code }) =>
    waiter.wait(username, code).then(
      async (response) => {
        await response.arrayBuffer();
        if (response.status !== 200) errors += 1;
        last = Math.max(last, performance.now());
      },
      () => {
        errors += 1;
      },
    ),
  );
  await sleep(500 + waits / 2);
  const started = performance.now();
  await Promise.all(users.map(async ({ userId, code }) => (await authorizer.authorize(userId, code)).arrayBuffer()));
  await Promise.all(held);
  return { errors, releaseMs: Math.round(last - started) };
}

export async function benchMultiInstance(iterations: number, waits: number): Promise<MultiInstanceResult> {
  const postgres = await startPostgres();
  try {
    const database = await postgres.createDatabase();
    const client = createBenchClient(database);
    const one = await attachBenchService(database, client);
    const two = await attachBenchService(database, client);
    try {
      const username = `x-${crypto.randomUUID()}@bench.local`;
      const userId = await one.createUser(username);
      const roundTrips: number[] = [];
      for (let i = 0; i < iterations; i++) {
        const started = performance.now();
        await (await fetch(`${two.url}/health`)).arrayBuffer();
        roundTrips.push(performance.now() - started);
      }
      const cross = summarize(await wakeUps(one, two, userId, username, iterations));
      const same = summarize(await wakeUps(one, one, userId, username, iterations));
      const crossRelease = await release(one, two, waits);
      const sameRelease = await release(one, one, waits);
      return {
        iterations,
        roundTrip: summarize(roundTrips),
        crossInstance: cross,
        sameInstance: same,
        p99RatioCrossVsSame: ratio(cross.p99, same.p99),
        concurrent: {
          waits,
          errors: crossRelease.errors + sameRelease.errors,
          releaseMs: crossRelease.releaseMs,
          sameInstanceReleaseMs: sameRelease.releaseMs,
          ratio: ratio(crossRelease.releaseMs, sameRelease.releaseMs),
        },
      };
    } finally {
      await Promise.all([one.stop(), two.stop()]);
    }
  } finally {
    await postgres.stop();
  }
}
