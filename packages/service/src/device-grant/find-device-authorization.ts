import type { Context } from "hono";
import { requestAddress } from "../codes/address-attempts.js";
import { tooManyAttempts } from "../codes/attempts.js";
import { consumePoint } from "../codes/consume-point.js";
import type { ServiceContext } from "../context.js";
import type { ClientRecord, DeviceAuthorizationRecord } from "../storage/records.js";
import { hashDeviceCode } from "./device-codes.js";
import { OAuthError } from "./oauth-error.js";

/**
 * The device authorization a token request's `device_code` names, for the client that
 * authenticated. It is looked up first (one read of a unique index: a 256-bit code): a code that
 * names this client's authorization is answered whatever its address has spent, so neighbours
 * behind the same address cannot make an approved device lose its approval. A device code that
 * names none, or one of another client, is `invalid_grant` and counts as a wrong code of the
 * requester's address (`maxFailedAttemptsPerAddress`, shared with the other codes); past it,
 * `429 temporarily_unavailable`.
 *
 * @throws {OAuthError} `invalid_grant`; `429 too_many_attempts` (answered as
 * `temporarily_unavailable`) past the limit.
 */
export async function findDeviceAuthorization(
  c: Context,
  context: ServiceContext,
  client: ClientRecord,
  deviceCode: string,
): Promise<DeviceAuthorizationRecord> {
  const record = await context.storage.deviceAuthorizations.getByDeviceCode(
    hashDeviceCode(context.codeSecret, deviceCode),
  );
  if (record && record.clientId === client.id) return record;
  const limiter = context.addressLimiters.perAddress;
  const address = requestAddress(c, context);
  const current = await limiter.get(address);
  if (current && current.consumedPoints >= limiter.points) throw tooManyAttempts(current.msBeforeNext);
  await consumePoint(limiter, address, (retryAfter) => `Too many wrong codes. Try again in ${retryAfter} s.`);
  throw new OAuthError("invalid_grant", "The device code is not valid for this client.");
}
