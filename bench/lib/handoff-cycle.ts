/**
 * One full Handoff cycle, a sign-in handed to a new device: the backend generates a code, the new
 * device waits on it (a held request), the backend authorizes it, and the wait answers with the
 * device's JWT. Three requests; the wait is held while the authorize runs.
 */
import type { BenchService } from "./service-process.ts";

/** A user of the bench service, one per concurrent worker. */
export interface CycleUser {
  username: string;
  userId: string;
}

/** HTTP requests in one cycle: generate, wait, authorize. */
export const HANDOFF_REQUESTS_PER_CYCLE = 3;

/** Creates `count` users on `service`, one per worker. */
export function createCycleUsers(service: BenchService, count: number, prefix: string): Promise<CycleUser[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const username = `${prefix}${i}-${crypto.randomUUID()}@bench.local`;
      return { username, userId: await service.createUser(username) };
    }),
  );
}

/**
 * Runs one cycle for `user`; throws unless the authorize and the wait both answer 200. The wait
 * goes to `waiter` (default: the same instance); another instance on the same Postgres makes the
 * wake-up cross LISTEN/NOTIFY.
 */
export async function handoffCycle(service: BenchService, user: CycleUser, waiter = service): Promise<void> {
  const code = await service.generate(user.userId);
  const waiting = waiter.wait(user.username, code);
  const authorized = await service.authorize(user.userId, code);
  await authorized.arrayBuffer();
  const response = await waiting;
  await response.arrayBuffer();
  if (response.status !== 200 || authorized.status !== 200) {
    throw new Error(`cycle failed: authorize ${authorized.status}, wait ${response.status}`);
  }
}
