import type { Context } from "hono";
import { RateLimiterRes } from "rate-limiter-flexible";
import type { ServiceContext } from "../context.js";
import { addressKey } from "../http/client-address.js";
import { requesterIp } from "../http/request-info.js";
import { tooManyAttempts } from "./attempts.js";

/** Who sends a code: the client's backend (a verified service token), or anyone, from an address. */
export type Guesser = { kind: "backend" } | { kind: "anonymous"; address: string };

/** The guesser behind a request to a public endpoint: its address (an IPv6 /64), see {@link addressKey}. */
export function anonymousGuesser(c: Context, context: ServiceContext): Guesser {
  return { kind: "anonymous", address: addressKey(requesterIp(c, context.options.trustProxy)) };
}

function refused(rejection: RateLimiterRes) {
  return tooManyAttempts(Math.ceil(rejection.msBeforeNext / 1000));
}

/**
 * Counts an anonymous attempt at a code against its address (`maxFailedAttemptsPerAddress` per
 * `lockoutMs`, whatever user it names) *before* the code is compared, so concurrent requests get
 * no more tries than sequential ones. Past the limit it throws `429 too_many_attempts` without
 * comparing, and the attempt is not kept. A right code gives its attempt back
 * ({@link returnAddressAttempt}).
 */
export async function reserveAddressAttempt(context: ServiceContext, address: string): Promise<void> {
  const limiter = context.addressAttempts;
  const current = await limiter.get(address); // read-only, so a refused flood costs no writes
  if (current && current.consumedPoints >= limiter.points) throw refused(current);
  try {
    await limiter.consume(address);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    await limiter.reward(address); // a request refused unevaluated costs its address nothing more
    throw refused(rejection);
  }
}

/** Gives back the attempt {@link reserveAddressAttempt} counted for a code that turned out right. */
export async function returnAddressAttempt(context: ServiceContext, address: string): Promise<void> {
  await context.addressAttempts.reward(address);
}
