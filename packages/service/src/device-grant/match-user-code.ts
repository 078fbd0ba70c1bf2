import { normalizeUserCode } from "@handoff/types";
import { lockedOut } from "../codes/attempts.js";
import type { ServiceContext } from "../context.js";
import { fail } from "../http/fail.js";
import { inOneTransaction } from "../storage/in-one-transaction.js";
import type { DeviceAuthorizationRecord } from "../storage/records.js";
import { hashUserCode } from "./device-codes.js";

/** The counter key of wrong user codes a client's backend sent for one user, or for no user. */
export function userCodeAttemptKey(clientId: string, userId: string | undefined): string {
  return userId === undefined ? `device:${clientId}` : `device:${clientId}:${userId}`;
}

/**
 * Finds the device authorization of a user code typed on the client's verification page,
 * counting wrong codes per client and signed-in user (`maxFailedAttempts` per `lockoutMs`) when
 * the backend names the user, per client (`maxFailedAttemptsPerAddress`) when it does not; the
 * wrong code that reaches the limit, and every call after it in the window, answer `429
 * too_many_attempts` with `Retry-After`, without a look-up. Attempts on one key are taken one at a
 * time (a lock held until the transaction, its own or the caller's, ends), so concurrent guesses
 * get no extra tries; a right code writes no count. Only the client's own authorizations match
 * (the hash binds the client).
 *
 * @throws `invalid_code` (wrong or malformed), `code_expired` (right but expired), `too_many_attempts`.
 */
export function matchUserCode(
  context: ServiceContext,
  clientId: string,
  userId: string | undefined,
  input: string,
): Promise<DeviceAuthorizationRecord> {
  return inOneTransaction(context, async (tx) => {
    const key = userCodeAttemptKey(clientId, userId);
    const limit = userId === undefined ? tx.options.maxFailedAttemptsPerAddress : tx.options.maxFailedAttempts;
    const { attempts } = tx.storage;
    const now = tx.now();
    await attempts.lock(key);
    const before = await attempts.getFailures(key, now); // read-only: a locked-out flood writes nothing
    if (before && before.failures >= limit) throw lockedOut(tx, before.windowEndsAt);
    const code = normalizeUserCode(input);
    const record =
      code === undefined
        ? undefined
        : await tx.storage.deviceAuthorizations.getByUserCode(hashUserCode(tx.codeSecret, clientId, code));
    if (!record || record.clientId !== clientId) {
      const counted = await attempts.recordFailure(key, tx.options.lockoutMs, now);
      if (counted.failures >= limit) throw lockedOut(tx, counted.windowEndsAt);
      throw fail("invalid_code");
    }
    if (record.expiresAt.getTime() <= now.getTime()) throw fail("code_expired");
    return record;
  });
}
