import type { CodePurpose, CodeType } from "@handoff/types";
import type { ServiceContext } from "../context.js";
import { fail } from "../http/fail.js";
import type { CodeRecord, RequestInfo } from "../storage/records.js";
import {
  assertNotLockedOut,
  attemptKey,
  forgiveAttempt,
  recordWrongCode,
  reserveAttempt,
  tooManyAttempts,
} from "./attempts.js";
import { generateCode } from "./generate-code.js";
import { hashCode, hashesEqual } from "./hash-code.js";

/** Who a code belongs to and what for. */
export interface CodeScope {
  clientId: string;
  userId: string;
  type: CodeType;
  purpose: CodePurpose;
}

/** Creates a code, stores its hash, and returns the clear code once. */
export async function createCode(
  context: ServiceContext,
  scope: CodeScope,
  options: { authorize: boolean; requestInfo?: RequestInfo | null },
): Promise<{ code: string; record: CodeRecord }> {
  const now = context.now();
  const code = generateCode(scope.type);
  const record: CodeRecord = {
    id: crypto.randomUUID(),
    ...scope,
    hash: hashCode(context.codeSecret, scope, code),
    createdAt: now,
    expiresAt: new Date(now.getTime() + context.options.codeLifetimeMs[scope.type]),
    authorizedAt: options.authorize ? now : null,
    consumedAt: null,
    requestInfo: options.requestInfo ?? null,
  };
  await context.storage.insertCode(record);
  return { code, record };
}

/**
 * Finds the live code a person typed, counting wrong ones against the user's attempt limit
 * (`maxFailedAttempts` per client, user and purpose in a window of `lockoutMs`; a right code does
 * not reset the count). The attempt is counted before the comparison, so concurrent guesses get
 * no more tries than sequential ones; a right code's attempt is given back.
 *
 * @throws `too_many_attempts` (locked out, before and after this try), `invalid_code` (wrong,
 * used or foreign), `code_expired` (right but too late).
 */
export async function matchCode(context: ServiceContext, scope: CodeScope, input: string): Promise<CodeRecord> {
  const key = attemptKey(scope.clientId, scope.userId, scope.purpose);
  await assertNotLockedOut(context, key); // read-only, so a locked-out flood costs no writes
  const attempt = await reserveAttempt(context, key);
  const hash = hashCode(context.codeSecret, scope, input);
  const candidates = await context.storage.listCodes(scope);
  let found: CodeRecord | undefined;
  for (const candidate of candidates) if (hashesEqual(candidate.hash, hash)) found = candidate;
  if (!found) {
    if (attempt.failures >= context.options.maxFailedAttempts) {
      // The last wrong code allowed: no live code of this user and purpose survives a lock-out.
      await invalidateCodes(context, { clientId: scope.clientId, userId: scope.userId, purpose: scope.purpose });
      throw tooManyAttempts(context, attempt.windowEndsAt);
    }
    throw fail("invalid_code", "The code is not valid.");
  }
  // A right code does not clear the failures: the waiting device re-issues its wait with the
  // right code every hold time, and clearing would hand a guesser a fresh allowance each time.
  // Failures end with their window (`lockoutMs`), so one code gets at most two windows' worth.
  await forgiveAttempt(context, key);
  if (found.expiresAt.getTime() <= context.now().getTime()) throw fail("code_expired", "The code has expired.");
  return found;
}

/**
 * Counts a wrong code for a username that does not exist, exactly as for one that does, so the
 * answers (and the lock-out) do not tell the two apart.
 */
export async function rejectUnknownUser(
  context: ServiceContext,
  clientId: string,
  username: string,
  purpose: CodePurpose,
): Promise<never> {
  const key = attemptKey(clientId, `name:${username}`, purpose);
  await assertNotLockedOut(context, key);
  if (await recordWrongCode(context, key)) await assertNotLockedOut(context, key);
  throw fail("invalid_code", "The code is not valid.");
}

/** Marks a matched code authorized and wakes its waits. */
export async function authorizeMatchedCode(context: ServiceContext, record: CodeRecord): Promise<void> {
  if (!(await context.storage.authorizeCode(record.id, context.now()))) {
    throw fail("invalid_code", "The code is not valid.");
  }
  context.waits.publish(record.id, "authorized");
}

/** Deletes every live code of a user for a purpose (and type) and wakes their waits. */
export async function invalidateCodes(
  context: ServiceContext,
  query: { clientId: string; userId: string; purpose: CodePurpose; type?: CodeType },
): Promise<number> {
  const ids = await context.storage.deleteCodes(query);
  for (const id of ids) context.waits.publish(id, "invalidated");
  return ids.length;
}
