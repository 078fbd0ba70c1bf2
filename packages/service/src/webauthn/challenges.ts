import type { ServiceContext } from "../context.js";
import { fail } from "../http/fail.js";
import type { ChallengeRecord } from "../storage/records.js";

/** How long a WebAuthn challenge can be answered, and the ceremony timeout the browser gets. */
export const CEREMONY_TIMEOUT_MS = 5 * 60_000;

/** The three ceremonies; a challenge issued for one is never accepted by another. */
export type CeremonyKind = "webauthn.register" | "webauthn.authenticate" | "webauthn.add_credential";

/** Who a challenge was issued to. */
export interface ChallengeBinding {
  kind: CeremonyKind;
  clientId: string;
  username: string;
}

/**
 * Stores the challenge of a new ceremony (32 random bytes from @simplewebauthn/server), bound to
 * its kind, client and username, valid {@link CEREMONY_TIMEOUT_MS}.
 */
export async function storeChallenge(
  context: ServiceContext,
  challenge: string,
  binding: ChallengeBinding & { userId: string; data?: Record<string, unknown> },
): Promise<void> {
  await context.storage.challenges.insert({
    challenge,
    kind: binding.kind,
    clientId: binding.clientId,
    userId: binding.userId,
    data: { ...binding.data, username: binding.username },
    expiresAt: new Date(context.now().getTime() + CEREMONY_TIMEOUT_MS),
  });
}

/**
 * Takes a challenge out of storage (atomically, so it is single use even when the verification
 * that follows fails) and checks it belongs to this ceremony and has not expired.
 *
 * @throws `invalid_challenge` when it is unknown, used, expired, or issued to another kind,
 * client or username.
 */
export async function redeemChallenge(
  context: ServiceContext,
  challenge: string,
  binding: ChallengeBinding,
): Promise<ChallengeRecord & { userId: string }> {
  const record = await context.storage.challenges.take(challenge, binding.kind);
  if (
    record === undefined ||
    record.userId === null ||
    record.clientId !== binding.clientId ||
    record.data.username !== binding.username ||
    record.expiresAt.getTime() <= context.now().getTime()
  ) {
    throw fail("invalid_challenge", "The challenge is unknown, used or expired; start again.");
  }
  return { ...record, userId: record.userId };
}
