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
 * Concurrent guesses get no more tries than sequential ones: the backend's are taken one at a
 * time per user and purpose (a lock held until their transaction ends), and every anonymous count is taken before the comparison,
 * atomically, and given back by a right code. A right code never resets a count.
 *
 * @throws `too_many_attempts` (over a limit: not compared), `invalid_code` (wrong, used or
 * foreign), `code_expired` (right but too late).
 */
export async function matchCode(
  context: ServiceContext,
  scope: CodeScope,
  input: string,
  guesser: Guesser,
): Promise<CodeRecord> {
  const hash = hashCode(context.codeSecret, scope, input);
  return guesser.kind === "backend"
    ? matchBackendCode(context, scope, hash)
    : matchAnonymousCode(context, scope, hash, guesser.address);
}

/**
 * The backend's code: its attempts are taken one at a time per user and purpose, in a transaction
 * of their own or the caller's (`inOneTransaction` joins an open one), so the count read is still
 * the count when a wrong code adds to it, and a right code writes no count at all.
 */
function matchBackendCode(context: ServiceContext, scope: CodeScope, hash: string): Promise<CodeRecord> {
  return inOneTransaction(context, async (tx) => {
    const key = attemptKey(scope.clientId, scope.userId, scope.purpose);
    await tx.storage.attempts.lock(key);
    await assertNotLockedOut(tx, key); // read-only, so a locked-out flood costs no writes
    const found = findCode(await tx.storage.codes.list(scope), hash);
    if (found || (await tx.storage.codes.isConsumed(scope, hash))) return rightCode(tx, found);
    const attempt = await recordWrongCode(tx, key);
    if (attempt.failures >= tx.options.maxFailedAttempts) {
      // The last wrong code allowed: no live code of this user and purpose survives a lock-out.
      await invalidateCodes(tx, { clientId: scope.clientId, userId: scope.userId, purpose: scope.purpose });
      throw lockedOut(tx, attempt.windowEndsAt);
    }
    throw invalidCode();
  });
}

async function matchAnonymousCode(
  context: ServiceContext,
  scope: CodeScope,
  hash: string,
  address: string,
): Promise<CodeRecord> {
  const reservation = await reserveAddressAttempt(context, address, scope.clientId, scope.userId);
  const limit = context.options.maxGuessesPerCode;
  const live = await context.storage.codes.reserveGuess(scope);
  // A code past its budget is never compared again; the wrong guess below deletes it.
  const found = findCode(
    live.filter((code) => code.guesses <= limit),
    hash,
  );
  if (found || (await context.storage.codes.isConsumed(scope, hash))) {
    await context.storage.codes.returnGuess(live.map((code) => code.id));
    await returnAddressAttempt(context, reservation);
    return rightCode(context, found);
  }
  for (const id of await context.storage.codes.deleteGuessed(scope, limit)) context.waits.publish(id, "invalidated");
  throw invalidCode();
}
