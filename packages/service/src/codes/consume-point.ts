import { type RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";
import { fail } from "../http/fail.js";
import { wholeSeconds } from "./attempts.js";

/**
 * Counts one request under `key` in `limiter`; past its points, throws `429 too_many_attempts`
 * with `retryAfterSeconds` and the message `refusal(retryAfterSeconds)`.
 *
 * @example
 * await consumePoint(context.addressLimiters.signupsPerAddress, address, () => "Too many security codes.");
 */
export async function consumePoint(
  limiter: RateLimiterAbstract,
  key: string,
  refusal: (retryAfterSeconds: number) => string,
): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const retryAfter = wholeSeconds(rejection.msBeforeNext);
    throw fail("too_many_attempts", refusal(retryAfter), { retryAfterSeconds: retryAfter });
  }
}
