import { wholeSeconds } from "../codes/attempts.js";
import { consumePoint } from "../codes/consume-point.js";
import type { ServiceContext } from "../context.js";
import { fail } from "../http/fail.js";

/** Signups (security-code emails) accepted per client and email in {@link SIGNUP_WINDOW_MS}. */
export const SIGNUP_LIMIT = 5;
/** The window of {@link SIGNUP_LIMIT}, in milliseconds: 15 minutes. */
export const SIGNUP_WINDOW_MS = 15 * 60_000;

/**
 * Counts a `/pwless/signup` (a security-code mail) from `address` for `email`, under both of its
 * limits: `maxSignupsPerAddress` per address whatever the emails, so one address cannot mail-bomb
 * many people, then {@link SIGNUP_LIMIT} per client and email in {@link SIGNUP_WINDOW_MS}.
 *
 * @throws `429 too_many_attempts` with `retryAfterSeconds` past either limit.
 */
export async function assertSignupAllowed(
  context: ServiceContext,
  address: string,
  clientId: string,
  email: string,
): Promise<void> {
  await consumePoint(
    context.addressLimiters.signupsPerAddress,
    address,
    () => "Too many security codes asked for from this address. Try again later.",
  );
  const limit = await context.storage.attempts.recordFailure(
    `signup:${clientId}:${email}`,
    SIGNUP_WINDOW_MS,
    context.now(),
  );
  if (limit.failures > SIGNUP_LIMIT) {
    const retryAfter = wholeSeconds(limit.windowEndsAt.getTime() - context.now().getTime());
    throw fail("too_many_attempts", `Too many security codes asked for this email. Try again in ${retryAfter} s.`, {
      retryAfterSeconds: retryAfter,
    });
  }
}
