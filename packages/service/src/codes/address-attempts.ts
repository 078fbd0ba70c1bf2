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

/**
 * Throws `429 too_many_attempts` while `address` has sent `maxFailedAttemptsPerAddress` wrong
 * codes in the current window (`lockoutMs`), whatever users they named; the code is then not
 * compared at all. Only a read: a refused flood costs no writes.
 *
 * The check comes before the comparison and the count after it ({@link countWrongCodeFrom}), so
 * right codes never touch the limiter, and many devices behind one address sending right codes
 * at once are never refused for it. A burst of wrong codes in flight together can overshoot the
 * limit by its own size; what bounds the guesses at any one code is the code's own budget
 * (`maxGuessesPerCode`), counted before the comparison.
 */
export async function assertAddressAllowed(context: ServiceContext, address: string): Promise<void> {
  const limiter = context.addressAttempts;
  const current = await limiter.get(address);
  if (current && current.consumedPoints >= limiter.points) {
    throw tooManyAttempts(Math.ceil(current.msBeforeNext / 1000));
  }
}

/** Counts a wrong code sent from `address` (see {@link assertAddressAllowed}). */
export async function countWrongCodeFrom(context: ServiceContext, address: string): Promise<void> {
  try {
    await context.addressAttempts.consume(address);
  } catch (rejection) {
    // Over the limit already (a burst in flight): counted all the same; the next one is refused.
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
  }
}
