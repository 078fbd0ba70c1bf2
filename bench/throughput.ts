/**
 * Throughput: generate + authorize + wait cycles per second on SQLite file storage, at a fixed
 * concurrency, against bare round trips per second at the same concurrency.
 */
import { createCycleUsers, handoffCycle } from "./lib/handoff-cycle.ts";
import { runFor } from "./lib/run-for.ts";
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

export async function benchThroughput(
  service: BenchService,
  seconds: number,
  concurrency: number,
): Promise<ThroughputResult> {
  const users = await createCycleUsers(service, concurrency, "t");
  const roundTripsPerSecond = await runFor(seconds, concurrency, async () => {
    await (await fetch(`${service.url}/health`)).arrayBuffer();
  });
  const cyclesPerSecond = await runFor(seconds, concurrency, (worker) =>
    handoffCycle(service, users[worker] as (typeof users)[number]),
  );
  return {
    concurrency,
    seconds,
    cyclesPerSecond: Math.round(cyclesPerSecond),
    roundTripsPerSecond: Math.round(roundTripsPerSecond),
    ratio: ratio(cyclesPerSecond, roundTripsPerSecond),
  };
}
