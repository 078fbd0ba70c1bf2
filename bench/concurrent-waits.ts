/**
 * Concurrent waits: N simultaneous waits on one service process, all released by authorizes.
 * Reports errors (must be 0), RSS growth of the service, and how long releasing the batch takes.
 */
import type { BenchService } from "./lib/service-process.ts";
import { ratio } from "./lib/stats.ts";

export interface ConcurrentWaitsResult {
  waits: number;
  errors: number;
  rssBeforeMiB: number;
  rssHeldMiB: number;
  /** RSS growth per held wait, KiB. */
  rssPerWaitKiB: number;
  /** From the first authorize to the last JWT received, ms. */
  releaseMs: number;
  /** The same number of bare round trips (GET /health, same concurrency), ms: the baseline. */
  baselineMs: number;
  releaseRatio: number;
}

async function inBatches<T>(items: readonly T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

export async function benchConcurrentWaits(service: BenchService, waits: number): Promise<ConcurrentWaitsResult> {
  const users: { username: string; userId: string; code: string }[] = [];
  const indexes = Array.from({ length: waits }, (_, i) => i);
  await inBatches(indexes, 200, async (i) => {
    const username = `c${i}-${crypto.randomUUID()}@bench.local`;
    const userId = await service.createUser(username);
    users.push({ username, userId, code: await service.generate(userId) });
  });

  const rssBeforeMiB = service.rssMiB();
  let errors = 0;
  let lastReceived = 0;
  const held = users.map(({ username, code }) =>
    service.wait(username, code).then(
      async (response) => {
        await response.arrayBuffer();
        if (response.status !== 200) errors += 1;
        lastReceived = Math.max(lastReceived, performance.now());
      },
      () => {
        errors += 1;
      },
    ),
  );
  // Let every wait reach the service and be held.
  await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 500 + waits / 2)));
  const rssHeldMiB = service.rssMiB();

  const started = performance.now();
  await inBatches(users, 200, async ({ userId, code }) => {
    const response = await service.authorize(userId, code);
    await response.arrayBuffer();
    if (response.status !== 200) errors += 1;
  });
  await Promise.all(held);
  const releaseMs = lastReceived - started;

  const baselineStarted = performance.now();
  await inBatches(indexes, 200, async () => {
    await (await fetch(`${service.url}/health`)).arrayBuffer();
  });
  const baselineMs = performance.now() - baselineStarted;

  return {
    waits,
    errors,
    rssBeforeMiB: Math.round(rssBeforeMiB * 10) / 10,
    rssHeldMiB: Math.round(rssHeldMiB * 10) / 10,
    rssPerWaitKiB: Math.round(((rssHeldMiB - rssBeforeMiB) * 1024 * 10) / waits) / 10,
    releaseMs: Math.round(releaseMs),
    baselineMs: Math.round(baselineMs),
    releaseRatio: ratio(releaseMs, baselineMs),
  };
}
