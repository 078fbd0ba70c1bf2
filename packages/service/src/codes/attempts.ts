import type { CodePurpose, HandoffError } from "@handoff/types";
import type { ServiceContext } from "../context.js";
import { fail } from "../http/fail.js";
import type { AttemptState } from "../storage/storage.js";

/** The counter key of the wrong codes a client's backend sent for one user and purpose. */
export function attemptKey(clientId: string, userId: string, purpose: CodePurpose): string {
  return `code:${clientId}:${userId}:${purpose}`;
}

/** `ms` in whole seconds, rounded up and at least 1: a `Retry-After`, or a limiter window. */
export function wholeSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/** The `429 too_many_attempts` of a wrong-code limit that ends in `retryAfterMs`, with its `Retry-After`. */
export function tooManyAttempts(retryAfterMs: number): HandoffError {
  const retryAfter = wholeSeconds(retryAfterMs);
  return fail("too_many_attempts", `Too many wrong codes. Try again in ${retryAfter} s.`, {
    retryAfterSeconds: retryAfter,
  });
}

/** The `429 too_many_attempts` of a lock-out whose window ends at `windowEndsAt`. */
export function lockedOut(context: ServiceContext, windowEndsAt: Date): HandoffError {
  return tooManyAttempts(windowEndsAt.getTime() - context.now().getTime());
}

/** Throws `429 too_many_attempts` while `key` is locked out. */
export async function assertNotLockedOut(context: ServiceContext, key: string): Promise<void> {
  const state = await context.storage.attempts.getFailures(key, context.now());
  if (state && state.failures >= context.options.maxFailedAttempts) throw lockedOut(context, state.windowEndsAt);
}

/**
 * Counts a wrong code sent by the backend for `key`, atomically. The caller holds the key
 * (`attempts.lock`) from its {@link assertNotLockedOut} to here, in one transaction, so requests
 * in flight (parallel, or on several instances) cannot all pass the check and compare a code each:
 * a window never sees more than `maxFailedAttempts` codes compared. Throws `too_many_attempts`
 * past the limit; otherwise returns the count, this attempt included.
 */
export async function recordWrongCode(context: ServiceContext, key: string): Promise<AttemptState> {
  const state = await context.storage.attempts.recordFailure(key, context.options.lockoutMs, context.now());
  if (state.failures > context.options.maxFailedAttempts) throw lockedOut(context, state.windowEndsAt);
  return state;
}
