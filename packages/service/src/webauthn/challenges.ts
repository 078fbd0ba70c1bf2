import type { ServiceContext } from "../context.js";
import { fail } from "../http/fail.js";
import type { ChallengeRecord } from "../storage/records.js";

/** How long a WebAuthn challenge can be answered, and the ceremony timeout the browser gets. */
export const CEREMONY_TIMEOUT_MS = 5 * 60_000;

/** The three ceremonies; a challenge issued for one is never accepted by another. */
export type CeremonyKind = "webauthn.register" | "webauthn.authenticate" | "webauthn.add_credential";

/**
 * Who a challenge was issued to. `username` is absent for a username-less sign-in
 * ([contract: passkeys](../../../../docs/contract.md#passkeys-webauthn)), and such a challenge is
 * only redeemed without one.
 */
export interface ChallengeBinding {
  kind: CeremonyKind;
  clientId: string;
  username: string | undefined;
}

/**
 * Stores the challenge of a new ceremony (32 random bytes from @simplewebauthn/server), bound to
 * its kind, client and username, valid {@link CEREMONY_TIMEOUT_MS}. `userId` is `null` when the
 * ceremony names no user yet (a username-less sign-in, or an unknown username when sign-in does
 * not reveal users).
 */
export async function storeChallenge(
  context: ServiceContext,
  challenge: string,
  binding: ChallengeBinding & { userId: string | null; data?: Record<string, unknown> },
): Promise<void> {
  await context.storage.challenges.insert({
    challenge,
    kind: binding.kind,
    clientId: binding.clientId,
    userId: binding.userId,
    data: binding.username === undefined ? { ...binding.data } : { ...binding.data, username: binding.username },
    expiresAt: new Date(context.now().getTime() + CEREMONY_TIMEOUT_MS),
  });
}

const invalidChallenge = () => fail("invalid_challenge", "The challenge is unknown, used or expired; start again.");

/**
 * Takes a challenge out of storage (atomically, so it is single use even when the verification
 * that follows fails) and checks it belongs to this ceremony and has not expired. Its `userId`
 * may be `null` (see {@link storeChallenge}).
 *
 * @throws `invalid_challenge` when it is unknown, used, expired, or issued to another kind,
 * client or username (a username-less challenge and a named one never stand in for each other).
 */
export async function takeChallenge(
  context: ServiceContext,
  challenge: string,
  binding: ChallengeBinding,
): Promise<ChallengeRecord> {
  const record = await context.storage.challenges.take(challenge, binding.kind);
  if (
    record === undefined ||
    record.clientId !== binding.clientId ||
    record.data.username !== binding.username ||
    record.expiresAt.getTime() <= context.now().getTime()
  ) {
    throw invalidChallenge();
  }
  return record;
}

/**
 * {@link takeChallenge} for a ceremony that named its user at `init` (sign-up, add a passkey).
 *
 * @throws `invalid_challenge` as {@link takeChallenge}, and for a challenge that names no user.
 */
export async function redeemChallenge(
  context: ServiceContext,
  challenge: string,
  binding: ChallengeBinding,
): Promise<ChallengeRecord & { userId: string }> {
  const record = await takeChallenge(context, challenge, binding);
  if (record.userId === null) throw invalidChallenge();
  return { ...record, userId: record.userId };
}
