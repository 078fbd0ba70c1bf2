/**
 * Throughput: generate + authorize + wait cycles per second on SQLite file storage, at a fixed
 * concurrency, against bare round trips per second at the same concurrency.
 */
import type { BenchService } from "./lib/service-process.ts";
import { ratio } from "./lib/stats.ts";

export interface ThroughputResult {
  concurrency: number;
  seconds: number;
  cyclesPerSecond: number;
  roundTripsPerSecond: number;
  /** Cycles per second / bare round trips per second (a cycle is 3 requests). */
  ratio: number;
}

async function loop(seconds: number, concurrency: number, work: (worker: number) => Promise<void>): Promise<number> {
  const deadline = performance.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < deadline) {
        await work(worker);
        done += 1;
      }
    }),
  );
  return done / seconds;
}

export async function benchThroughput(
  service: BenchService,
  seconds: number,
  concurrency: number,
): Promise<ThroughputResult> {
  const users = await Promise.all(
    Array.from({ length: concurrency }, async (_, i) => {
      const username = `t${i}-${crypto.randomUUID()}@bench.local`;
      return { username, userId: await service.createUser(username) };
    }),
  );
  const roundTripsPerSecond = await loop(seconds, concurrency, async () => {
    await (await fetch(`${service.url}/health`)).arrayBuffer();
  });
  const cyclesPerSecond = await loop(seconds, concurrency, async (worker) => {
    const { username, userId } = users[worker] as { username: string; userId: string };
    const code = await service.generate(userId);
    const waiting = service.wait(username, code);
    const authorized = await service.authorize(userId, code);
    await authorized.arrayBuffer();
    const response = await waiting;
    await response.arrayBuffer();
    if (response.status !== 200 || authorized.status !== 200) throw new Error(`cycle failed: ${response.status}`);
  });
  return {
    concurrency,
    seconds,
    cyclesPerSecond: Math.round(cyclesPerSecond),
    roundTripsPerSecond: Math.round(roundTripsPerSecond),
    ratio: ratio(cyclesPerSecond, roundTripsPerSecond),
  };
}
