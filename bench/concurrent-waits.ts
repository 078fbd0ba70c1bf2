/**
 * Concurrent waits: N simultaneous waits on one service process, all released by authorizes.
 * Reports errors (must be 0), RSS growth of the service, and how long releasing the batch takes.
 */
import { createCycleUsers, handoffCycle } from "./lib/handoff-cycle.ts";
import { connectHeapProbe, type HeapProbe } from "./lib/heap-probe.ts";
import type { BenchService } from "./lib/service-process.ts";
import { ratio } from "./lib/stats.ts";

export interface ConcurrentWaitsResult {
  waits: number;
  errors: number;
  /** What the errors were: an HTTP status, or the network error's code. */
  errorKinds: Record<string, number>;
  rssBeforeMiB: number;
  rssHeldMiB: number;
  /** RSS growth per held wait, KiB. */
  rssPerWaitKiB: number;
  /**
   * The service's live heap (after a full collection) before the waits, while held, and a second
   * after they all ended, in MiB; absent when the service has no inspector.
   */
  heap?: { beforeMiB: number; heldMiB: number; afterMiB: number; perWaitKiB: number; afterOverBefore: number };
  /** From the first authorize to the last JWT received, ms. */
  releaseMs: number;
  /** The same number of bare round trips (GET /health, same concurrency), ms: the baseline. */
  baselineMs: number;
  releaseRatio: number;
}

/** The code of a fetch failure (undici puts it on the cause). */
function networkErrorCode(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  return cause?.code ?? (error instanceof Error ? error.name : "error");
}

async function inBatches<T>(items: readonly T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

/**
 * Holds `waits` waits on `service` at once, opened in waves of 500 every `waveDelayMs` (default
 * 100; an instance on Postgres reads each new wait's code from the database, so it needs longer
 * between waves on a busy machine), then releases them all.
 */
export async function benchConcurrentWaits(
  service: BenchService,
  waits: number,
  waveDelayMs = 100,
): Promise<ConcurrentWaitsResult> {
  const users: { username: string; userId: string; code: string }[] = [];
  const indexes = Array.from({ length: waits }, (_, i) => i);
  await inBatches(indexes, 200, async (i) => {
    const username = `c${i}-${crypto.randomUUID()}@bench.local`;
    const userId = await service.createUser(username);
    users.push({ username, userId, code: await service.generate(userId) });
  });

  // Warm-up: a few full cycles first, so the wait path is compiled and its pools and maps have
  // their working size before anything is measured.
  for (const user of await createCycleUsers(service, 20, "warm")) await handoffCycle(service, user);
  const probe: HeapProbe | undefined = service.inspectorUrl ? await connectHeapProbe(service.inspectorUrl) : undefined;
  const heapBeforeMiB = await probe?.heapUsedMiB();
  const rssBeforeMiB = service.rssMiB();
  let errors = 0;
  const errorKinds: Record<string, number> = {};
  const fail = (kind: string) => {
    errors += 1;
    errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
  };
  let lastReceived = 0;
  // Open the waits in waves of 500: all are held at once, but 10,000 connects in one tick would
  // overflow the listen backlog (real clients never arrive in the same millisecond).
  const held: Promise<void>[] = [];
  for (let i = 0; i < users.length; i += 500) {
    for (const { username, code } of users.slice(i, i + 500)) {
      held.push(
        service.wait(username, code).then(
          async (response) => {
            await response.arrayBuffer();
            if (response.status !== 200) fail(`wait ${response.status}`);
            lastReceived = Math.max(lastReceived, performance.now());
          },
          (error: unknown) => fail(`wait ${networkErrorCode(error)}`),
        ),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, waveDelayMs));
  }
  // Let every wait reach the service and be held.
  await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 500 + waits / 2)));
  const rssHeldMiB = service.rssMiB();
  const heapHeldMiB = await probe?.heapUsedMiB();

  const started = performance.now();
  await inBatches(users, 200, async ({ userId, code }) => {
    const response = await service.authorize(userId, code);
    await response.arrayBuffer();
    if (response.status !== 200) fail(`authorize ${response.status}`);
  });
  await Promise.all(held);
  const releaseMs = lastReceived - started;
  await new Promise((resolve) => setTimeout(resolve, 1_000)); // closed connections torn down
  const heapAfterMiB = await probe?.heapUsedMiB();
  probe?.close();

  const baselineStarted = performance.now();
  await inBatches(indexes, 200, async () => {
    await (await fetch(`${service.url}/health`)).arrayBuffer();
  });
  const baselineMs = performance.now() - baselineStarted;

  return {
    waits,
    errors,
    errorKinds,
    rssBeforeMiB: Math.round(rssBeforeMiB * 10) / 10,
    rssHeldMiB: Math.round(rssHeldMiB * 10) / 10,
    rssPerWaitKiB: Math.round(((rssHeldMiB - rssBeforeMiB) * 1024 * 10) / waits) / 10,
    ...(heapBeforeMiB !== undefined && heapHeldMiB !== undefined && heapAfterMiB !== undefined
      ? {
          heap: {
            beforeMiB: Math.round(heapBeforeMiB * 10) / 10,
            heldMiB: Math.round(heapHeldMiB * 10) / 10,
            afterMiB: Math.round(heapAfterMiB * 10) / 10,
            perWaitKiB: Math.round(((heapHeldMiB - heapBeforeMiB) * 1024 * 10) / waits) / 10,
            afterOverBefore: ratio(heapAfterMiB, heapBeforeMiB),
          },
        }
      : {}),
    releaseMs: Math.round(releaseMs),
    baselineMs: Math.round(baselineMs),
    releaseRatio: ratio(releaseMs, baselineMs),
  };
}
