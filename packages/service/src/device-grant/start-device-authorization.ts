import type { Context } from "hono";
import { requestAddress } from "../codes/address-attempts.js";
import { consumePoint } from "../codes/consume-point.js";
import type { ServiceContext } from "../context.js";
import { requestInfo } from "../http/request-info.js";
import type { DeviceAuthorizationRecord } from "../storage/records.js";
import type { DeviceGrantClient } from "./authenticate-client.js";
import { generateDeviceCode, generateUserCode, hashDeviceCode, hashUserCode } from "./device-codes.js";

/** Draws of a user code before giving up: a collision among 20^8 codes is already rare. */
const USER_CODE_DRAWS = 5;

/** A new device authorization, with its two codes in clear (returned once, stored only hashed). */
export interface StartedDeviceAuthorization {
  record: DeviceAuthorizationRecord;
  deviceCode: string;
  /** Canonical form, `BDWPHQPK`. */
  userCode: string;
}

/**
 * Starts a device authorization for `client` and `scope` (RFC 8628 §3.1): counted against
 * `maxDeviceAuthorizationsPerAddress` for the requester's address, a device code and a user
 * code that no other live authorization has, and the requester (user agent, IP, time) kept to
 * show before approval (§5.4).
 *
 * @throws `429 too_many_attempts` past the per-address limit.
 */
export async function startDeviceAuthorization(
  c: Context,
  context: ServiceContext,
  client: DeviceGrantClient,
  scope: string,
): Promise<StartedDeviceAuthorization> {
  await consumePoint(
    context.addressLimiters.deviceAuthorizationsPerAddress,
    requestAddress(c, context),
    (retryAfter) => `Too many device authorizations started from this address. Try again in ${retryAfter} s.`,
  );
  const now = context.now();
  const info = requestInfo(c, context.options.trustProxy, now);
  for (let draw = 0; draw < USER_CODE_DRAWS; draw++) {
    const deviceCode = generateDeviceCode();
    const userCode = generateUserCode();
    const record: DeviceAuthorizationRecord = {
      id: crypto.randomUUID(),
      clientId: client.id,
      deviceCodeHash: hashDeviceCode(context.codeSecret, deviceCode),
      userCodeHash: hashUserCode(context.codeSecret, client.id, userCode),
      scope,
      createdAt: now,
      expiresAt: new Date(now.getTime() + context.options.deviceAuthorizationLifetimeMs),
      intervalSeconds: context.options.devicePollIntervalSeconds,
      lastPolledAt: null,
      slowedDown: false,
      userId: null,
      approvedAt: null,
      deniedAt: null,
      consumedAt: null,
      requestInfo: info,
    };
    if (await context.storage.deviceAuthorizations.insert(record)) return { record, deviceCode, userCode };
  }
  throw new Error("no free user code after several draws");
}
