import type { TokenResponse } from "@handoff/types";
import type { Context } from "hono";
import { requestAddress } from "../codes/address-attempts.js";
import { consumePoint } from "../codes/consume-point.js";
import type { ServiceContext } from "../context.js";
import { requesterIp } from "../http/request-info.js";
import type { DeviceAuthorizationRecord } from "../storage/records.js";
import type { DeviceGrantClient } from "./authenticate-client.js";
import { holdDeviceAuthorization } from "./hold-device-authorization.js";
import { issueTokens } from "./issue-tokens.js";
import { OAuthError } from "./oauth-error.js";

/**
 * How much sooner than `interval` a poll may come before it is slowed down, in milliseconds:
 * room for timers and for clocks of instances that differ a little.
 */
export const POLL_TOLERANCE_MS = 500;

/**
 * The answer a decided authorization gets, or `undefined` while it is pending: tokens once
 * (approved), then `invalid_grant` (RFC 8628 §3.5: a device code is single use); `expired_token`;
 * `access_denied`.
 */
async function decided(
  context: ServiceContext,
  client: DeviceGrantClient,
  record: DeviceAuthorizationRecord,
): Promise<TokenResponse | undefined> {
  const now = context.now();
  if (record.consumedAt !== null) throw new OAuthError("invalid_grant", "The device code was already used.");
  if (record.expiresAt.getTime() <= now.getTime())
    throw new OAuthError("expired_token", "The device code has expired.");
  if (record.deniedAt !== null) throw new OAuthError("access_denied", "The user denied the request.");
  if (record.approvedAt === null || record.userId === null) return undefined;
  const user = await context.storage.users.getById(client.namespaceId, record.userId);
  if (!user) throw new OAuthError("invalid_grant", "The user who approved the request no longer exists.");
  if (user.deactivatedAt) throw new OAuthError("access_denied", "The user is deactivated.");
  // Exactly one request redeems it, on any instance; a concurrent or later one is refused.
  if (!(await context.storage.deviceAuthorizations.consume(record.id, now))) {
    throw new OAuthError("invalid_grant", "The device code was already used.");
  }
  return issueTokens(context, client, user, record);
}

/**
 * Answers a device_code token request (RFC 8628 §3.4–3.5) on `record`: the decided answers
 * above; while pending, the poll is recorded — one sooner than the interval answers `slow_down`,
 * the interval grows by 5 s for good, and the poll counts against its address's
 * `maxFailedAttemptsPerAddress` (a flood ends in `429`) — and answers `authorization_pending`, unless the
 * client asked to be held (`handoff_wait=true`): then the request is held, capped like the code
 * waits per authorization and per address, until the user decides (on any instance), the
 * authorization expires, or `waitTimeoutMs` passes (`authorization_pending`, poll again).
 *
 * @throws {OAuthError} the RFC's error answers; `429 too_many_attempts` when too many requests
 * are held on the authorization or from the address.
 */
export async function answerTokenRequest(
  c: Context,
  context: ServiceContext,
  client: DeviceGrantClient,
  record: DeviceAuthorizationRecord,
  hold: boolean,
): Promise<TokenResponse> {
  const answer = await decided(context, client, record);
  if (answer) return answer;
  const polled = await context.storage.deviceAuthorizations.poll(record.id, context.now(), POLL_TOLERANCE_MS);
  if (!polled) throw new OAuthError("invalid_grant", "The device code is not valid for this client.");
  if (polled.slowedDown) {
    // A poll too soon also counts as a wrong code of its address: a client that floods the token
    // endpoint with a valid device code ends up refused before any look-up, as one with made-up codes.
    await consumePoint(
      context.addressLimiters.perAddress,
      requestAddress(c, context),
      (retryAfter) => `Too many requests. Try again in ${retryAfter} s.`,
    );
    throw new OAuthError("slow_down", `Polling too fast: wait ${polled.intervalSeconds} s between requests.`);
  }
  // Decided between the first read and the poll: answer it now rather than hold.
  const now = await decided(context, client, polled);
  if (now) return now;
  const pending = () => new OAuthError("authorization_pending", "The user has not approved the request yet.");
  if (!hold) throw pending();
  if (context.closing.value) throw new OAuthError("temporarily_unavailable", "The service is shutting down.");
  const outcome = await context.waitLimits.hold(record.id, requesterIp(c, context.options.trustProxy), () =>
    holdDeviceAuthorization(context, polled, c.req.raw.signal),
  );
  switch (outcome) {
    case "expired":
      throw new OAuthError("expired_token", "The device code has expired.");
    case "timeout":
      throw pending();
    case "aborted":
    case "closing":
      throw new OAuthError("temporarily_unavailable", "The request was interrupted; poll again.");
    case "decided": {
      const current = await context.storage.deviceAuthorizations.get(record.id);
      if (!current) throw new OAuthError("expired_token", "The device code has expired.");
      const tokens = await decided(context, client, current);
      if (!tokens) throw pending();
      return tokens;
    }
  }
}
