import type { CodePurpose } from "@handoff/types";
import type { ServiceContext } from "../context.js";
import { fail } from "../http/fail.js";

/** The counter key of wrong codes for one user (or unknown username) and purpose. */
export function attemptKey(clientId: string, subject: string, purpose: CodePurpose): string {
  return `code:${clientId}:${subject}:${purpose}`;
}

function retryAfterSeconds(context: ServiceContext, windowEndsAt: Date): number {
  return Math.max(1, Math.ceil((windowEndsAt.getTime() - context.now().getTime()) / 1000));
}

/** Throws `429 too_many_attempts` while `key` is locked out. */
export async function assertNotLockedOut(context: ServiceContext, key: string): Promise<void> {
  const state = await context.storage.getFailures(key, context.now());
  if (state && state.failures >= context.options.maxFailedAttempts) {
    const retryAfter = retryAfterSeconds(context, state.windowEndsAt);
    throw fail("too_many_attempts", `Too many wrong codes. Try again in ${retryAfter} s.`, {
      retryAfterSeconds: retryAfter,
    });
  }
}

/**
 * Counts a wrong code. Returns `true` when this failure starts a lock-out, so the caller
 * invalidates the live codes: a locked-out code can never be guessed afterwards.
 */
export async function recordWrongCode(context: ServiceContext, key: string): Promise<boolean> {
  const state = await context.storage.recordFailure(key, context.options.lockoutMs, context.now());
  return state.failures >= context.options.maxFailedAttempts;
}
