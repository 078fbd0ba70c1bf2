/**
 * Wake-up latency: from the authorize call to the waiting client holding its JWT, against a
 * bare loopback HTTP round trip to the same process (the floor) and a client polling every second.
 */
import type { BenchService } from "./lib/service-process.ts";
import { ratio, type Summary, summarize } from "./lib/stats.ts";

export interface WakeUpResult {
  iterations: number;
  /** Bare loopback round trip (GET /health), ms. */
  roundTrip: Summary;
  /** Authorize sent → waiting client has its JWT, ms. */
  authorizeToJwt: Summary;
  /** Authorize answered → waiting client has its JWT, ms (0 when the JWT came first). */
  afterAuthorizeReturns: Summary;
  /** Same, for a client polling every second instead of long-polling, ms. */
  pollingClient: Summary;
  /** p99 of afterAuthorizeReturns / p99 of the round trip: the target, ≤ 2. */
  p99Ratio: number;
  /** p99 of authorizeToJwt / p99 of the round trip (the authorize request included). */
  p99RatioWithAuthorize: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function benchWakeUp(
  service: BenchService,
  iterations: number,
  pollIterations: number,
): Promise<WakeUpResult> {
  const username = `wake-${crypto.randomUUID()}@bench.local`;
  const userId = await service.createUser(username);

  const roundTrips: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await (await fetch(`${service.url}/health`)).arrayBuffer();
    roundTrips.push(performance.now() - started);
  }

  const toJwt: number[] = [];
  const afterReturn: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const code = await service.generate(userId);
    let received = 0;
    const waiting = service.wait(username, code).then(async (response) => {
      await response.arrayBuffer();
      received = performance.now();
      if (response.status !== 200) throw new Error(`wait answered ${response.status}`);
    });
    await sleep(15); // the wait is held by now
    const sent = performance.now();
    const authorized = await service.authorize(userId, code);
    await authorized.arrayBuffer();
    const returned = performance.now();
    await waiting;
    toJwt.push(received - sent);
    afterReturn.push(Math.max(0, received - returned));
  }

  // A client that asks "is it authorized yet?" once a second: a wait the service answers at once.
  const polling: number[] = [];
  for (let i = 0; i < pollIterations; i++) {
    const code = await service.generate(userId);
    const offset = Math.random() * 1000;
    let authorizedAt = 0;
    const authorizer = sleep(offset).then(async () => {
      authorizedAt = performance.now();
      await (await service.authorize(userId, code)).arrayBuffer();
    });
    for (;;) {
      await sleep(1000);
      if (authorizedAt !== 0) break;
    }
    await authorizer;
    const response = await service.wait(username, code);
    await response.arrayBuffer();
    polling.push(performance.now() - authorizedAt);
  }

  const roundTrip = summarize(roundTrips);
  const authorizeToJwt = summarize(toJwt);
  const afterAuthorizeReturns = summarize(afterReturn);
  return {
    iterations,
    roundTrip,
    authorizeToJwt,
    afterAuthorizeReturns,
    pollingClient: summarize(polling),
    p99Ratio: ratio(afterAuthorizeReturns.p99, roundTrip.p99),
    p99RatioWithAuthorize: ratio(authorizeToJwt.p99, roundTrip.p99),
  };
}
