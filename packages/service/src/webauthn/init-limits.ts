import type { Context } from "hono";
import { requestAddress } from "../codes/address-attempts.js";
import { consumePoint } from "../codes/consume-point.js";
import type { ServiceContext } from "../context.js";

/**
 * Counts a passkey sign-in or sign-up `init` from the request's address (an IPv6 /64) under
 * `maxPasskeyInitsPerAddress` per `lockoutMs`: anyone may start one, and each stores a challenge
 * until it expires, so one address cannot fill the challenge table
 * ([security model](../../../../docs/security.md#anonymous-callers-endpoint-by-endpoint)).
 *
 * @throws `429 too_many_attempts` with `retryAfterSeconds` past the limit.
 */
export async function countPasskeyInit(c: Context, context: ServiceContext): Promise<void> {
  await consumePoint(
    context.addressLimiters.passkeyInitsPerAddress,
    requestAddress(c, context),
    (retryAfter) => `Too many passkey ceremonies started from this address. Try again in ${retryAfter} s.`,
  );
}
