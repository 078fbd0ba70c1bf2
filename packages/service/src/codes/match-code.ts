import type { ServiceContext } from "../context.js";
import { fail } from "../http/fail.js";
import { inOneTransaction } from "../storage/in-one-transaction.js";
import type { CodeRecord } from "../storage/records.js";
import { type Guesser, reserveAddressAttempt, returnAddressAttempt } from "./address-attempts.js";
import { assertNotLockedOut, attemptKey, lockedOut, recordWrongCode } from "./attempts.js";
import { type CodeScope, invalidateCodes } from "./code-operations.js";
import { hashCode, hashesEqual } from "./hash-code.js";

/**
 * Who the codes of a username that does not exist are looked up for: nobody has codes under it,
 * so an unknown username takes the same steps, counts and answers as a known one with a wrong code.
 */
export function unknownUserSubject(username: string): string {
  return `name:${username}`;
}

const invalidCode = () => fail("invalid_code");

function findCode(candidates: readonly CodeRecord[], hash: string): CodeRecord | undefined {
  let found: CodeRecord | undefined;
  for (const candidate of candidates) if (hashesEqual(candidate.hash, hash)) found = candidate; // no early exit
  return found;
}

/**
 * What a right code leads to: the code, unless it has expired. A right code that was already
 * used (sent again by a device that did not hear the answer) is refused like a wrong one, but is
 * not counted as a guess.
 */
function rightCode(context: ServiceContext, found: CodeRecord | undefined): CodeRecord {
  if (!found) throw invalidCode();
  if (found.expiresAt.getTime() <= context.now().getTime()) throw fail("code_expired");
  return found;
}

/** What runs inside a match's transaction once the code is right and live, before it commits. */
export type OnMatch = (tx: ServiceContext, record: CodeRecord) => Promise<void>;

/** The lock key of the guesses anonymous callers make at one user's codes of a type and purpose. */
function guessKey(scope: CodeScope): string {
  return `guess:${scope.clientId}:${scope.userId}:${scope.purpose}:${scope.type}`;
}

/**
 * Finds the live code a person typed, counting wrong ones by who sent it
 * ([security model: brute force](../../../../docs/security.md#codes)):
 *
 * - the client's **backend** (a service token): `maxFailedAttempts` per user and purpose in a
 *   window of `lockoutMs`; the last allowed wrong code locks that user and purpose out and deletes
 *   their live codes;
 * - an **anonymous** caller: `maxGuessesPerCode` for each live code (all addresses together), at
 *   which the code is deleted; `maxFailedAttemptsPerAddressAndUser` per address and user (below
 *   a code's budget, so one address cannot spend a code); `maxFailedAttemptsPerAddress` per
 *   address over all users. Anonymous guesses never lock out the backend or the user's other
 *   addresses: they can cost a code, never an account.
 *
 * Concurrent guesses get no more tries than sequential ones: the codes of a user are compared one
 * request at a time (a lock per user and purpose, or per user, purpose and type for anonymous
 * callers, held by the match's transaction: its own, or the caller's when one is open), so the
 * counts read are still the counts when a wrong code adds to them; a right code writes no count.
 * The per-address counts are taken before the transaction, atomically, and given back by a right
 * code. A right code never resets a count. `onMatch` runs in the same transaction.
 *
 * @throws `too_many_attempts` (over a limit: not compared), `invalid_code` (wrong, used or
 * foreign), `code_expired` (right but too late).
 */
export async function matchCode(
  context: ServiceContext,
  scope: CodeScope,
  input: string,
  guesser: Guesser,
  onMatch?: OnMatch,
): Promise<CodeRecord> {
  const hash = hashCode(context.codeSecret, scope, input);
  if (guesser.kind === "backend") return rightCode(context, await matchBackendCode(context, scope, hash, onMatch));
  // Counted before the transaction: the per-address limiter has its own connection (Postgres), which
  // a transaction holding one must not wait for.
  const reservation = await reserveAddressAttempt(context, guesser.address, scope.clientId, scope.userId);
  const found = await matchAnonymousCode(context, scope, hash, onMatch);
  await returnAddressAttempt(context, reservation);
  return rightCode(context, found);
}

/** `found` if it is live: runs `onMatch` on it first. */
async function onLiveMatch(tx: ServiceContext, found: CodeRecord | undefined, onMatch: OnMatch | undefined) {
  if (found && onMatch && found.expiresAt.getTime() > tx.now().getTime()) await onMatch(tx, found);
  return found;
}

/** The backend's code; a right one returned, used or not, for {@link rightCode} to judge. */
function matchBackendCode(
  context: ServiceContext,
  scope: CodeScope,
  hash: string,
  onMatch: OnMatch | undefined,
): Promise<CodeRecord | undefined> {
  return inOneTransaction(context, async (tx) => {
    const key = attemptKey(scope.clientId, scope.userId, scope.purpose);
    await tx.storage.attempts.lock(key);
    await assertNotLockedOut(tx, key); // read-only, so a locked-out flood costs no writes
    const found = findCode(await tx.storage.codes.list(scope), hash);
    if (found || (await tx.storage.codes.isConsumed(scope, hash))) return onLiveMatch(tx, found, onMatch);
    const attempt = await recordWrongCode(tx, key);
    if (attempt.failures >= tx.options.maxFailedAttempts) {
      // The last wrong code allowed: no live code of this user and purpose survives a lock-out.
      await invalidateCodes(tx, { clientId: scope.clientId, userId: scope.userId, purpose: scope.purpose });
      throw lockedOut(tx, attempt.windowEndsAt);
    }
    throw invalidCode();
  });
}

/**
 * An anonymous caller's code: codes past their budget are never compared; a wrong code counts a
 * guess at every live code of the scope and deletes those it brings to `maxGuessesPerCode`.
 */
function matchAnonymousCode(
  context: ServiceContext,
  scope: CodeScope,
  hash: string,
  onMatch: OnMatch | undefined,
): Promise<CodeRecord | undefined> {
  return inOneTransaction(context, async (tx) => {
    await tx.storage.attempts.lock(guessKey(scope));
    const limit = tx.options.maxGuessesPerCode;
    const live = await tx.storage.codes.list(scope);
    const found = findCode(
      live.filter((code) => code.guesses < limit),
      hash,
    );
    if (found || (await tx.storage.codes.isConsumed(scope, hash))) return onLiveMatch(tx, found, onMatch);
    await tx.storage.codes.countGuess(scope);
    for (const id of await tx.storage.codes.deleteGuessed(scope, limit)) tx.waits.publish(id, "invalidated");
    throw invalidCode();
  });
}
