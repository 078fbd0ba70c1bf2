import { createHash } from "node:crypto";
import type { Context } from "hono";
import { RateLimiterRes } from "rate-limiter-flexible";
import type { ServiceContext } from "../context.js";
import { addressKey } from "../http/client-address.js";
import { requesterIp } from "../http/request-info.js";
import { tooManyAttempts } from "./attempts.js";

/** Who sends a code: the client's backend (a verified service token), or anyone, from an address. */
export type Guesser = { kind: "backend" } | { kind: "anonymous"; address: string };

/** The address a request is counted under (an IPv6 /64), see {@link addressKey}. */
export function requestAddress(c: Context, context: ServiceContext): string {
  return addressKey(requesterIp(c, context.options.trustProxy));
}

/** The guesser behind a request to a public endpoint: its address. */
export function anonymousGuesser(c: Context, context: ServiceContext): Guesser {
  return { kind: "anonymous", address: requestAddress(c, context) };
}

/** What one anonymous attempt was counted under, to give it back when its code is right. */
export interface AddressReservation {
  keys: [perAddress: string, perAddressAndUser: string];
}

/** A fixed-length key for an address and a user (or unknown username) of a client. */
function addressAndUserKey(address: string, clientId: string, subject: string): string {
  return `${address}|${createHash("sha256").update(`${clientId}\u0000${subject}`).digest("base64url")}`;
}

function refused(rejection: RateLimiterRes) {
  return tooManyAttempts(rejection.msBeforeNext);
}

/**
 * Counts an anonymous attempt at a code from `address` for `subject` (a user id, or an unknown
 * username's subject) *before* the code is compared, atomically, under both limits: per address
 * and user, so one address cannot spend a user's codes (their budget is larger than this limit),
 * and per address, so one address cannot spray many users. Past either limit it throws
 * `429 too_many_attempts` without comparing, and nothing is kept for the refused attempt. A right
 * code gives its attempt back ({@link returnAddressAttempt}).
 */
export async function reserveAddressAttempt(
  context: ServiceContext,
  address: string,
  clientId: string,
  subject: string,
): Promise<AddressReservation> {
  const { perAddress, perAddressAndUser } = context.addressLimiters;
  const keys: AddressReservation["keys"] = [address, addressAndUserKey(address, clientId, subject)];
  const limiters = [perAddress, perAddressAndUser] as const;
  // Read-only first: a refused flood costs no writes.
  for (const [index, limiter] of limiters.entries()) {
    const current = await limiter.get(keys[index] as string);
    if (current && current.consumedPoints >= limiter.points) throw refused(current);
  }
  let counted = 0;
  try {
    for (const [index, limiter] of limiters.entries()) {
      counted = index + 1; // a refusing consume counts too
      await limiter.consume(keys[index] as string);
    }
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    // A refused attempt costs its address nothing more: take back what it counted.
    for (let index = 0; index < counted; index++) await limiters[index]?.reward(keys[index] as string);
    throw refused(rejection);
  }
  return { keys };
}

/** Gives back the attempt {@link reserveAddressAttempt} counted for a code that turned out right. */
export async function returnAddressAttempt(context: ServiceContext, reservation: AddressReservation): Promise<void> {
  const { perAddress, perAddressAndUser } = context.addressLimiters;
  await perAddress.reward(reservation.keys[0]);
  await perAddressAndUser.reward(reservation.keys[1]);
}
