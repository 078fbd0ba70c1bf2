import {
  type CodePurpose,
  type CodeType,
  listPendingCodesResponseSchema,
  type PendingCode,
  toPendingCode,
} from "@handoff/types";
import type { CallOptions } from "../call-options.js";
import {
  readCallOptions,
  requireCodeType,
  requireObject,
  requirePurpose,
  requireUserId,
} from "../internal/arguments.js";
import { callService } from "../internal/call-service.js";
import type { ServerClientConfig } from "../internal/config.js";

/**
 * What `listPendingCodes` takes.
 *
 * @example
 * const options: ListPendingCodesOptions = { userId, codeType: "short", purpose: "temporary_authentication" };
 */
export interface ListPendingCodesOptions extends CallOptions {
  /** The signed-in user about to approve (the `sub` of their verified JWT). */
  userId: string;
  /** Only codes of this type are listed. */
  codeType: CodeType;
  /** Only codes for this purpose are listed. */
  purpose: CodePurpose;
}

/**
 * Lists the user's live (unexpired, unconsumed) codes of a type and purpose, oldest first, each
 * with the device waiting on it — its user agent, IP address and when it first waited — so the
 * approving device can show what it approves before Approve (RFC 8628 §5.4, remote phishing):
 * `POST /api/native/codes/{type}/pending` with a `codes.authorize` token bound to the user. The
 * codes themselves are never returned. `requester` is `null` until a device has waited on the
 * code. Retried like `getUserID` (network errors, 502/503/504), since it only reads.
 *
 * @throws {HandoffError} `invalid_argument` (nothing sent), `user_not_found`, `invalid_token`,
 * `forbidden`, `network_error`, `timeout`, `aborted`, `invalid_response`.
 *
 * @example
 * const pending = await listPendingCodes(config, { userId, codeType: "short", purpose: "temporary_authentication" });
 * for (const { requester } of pending) console.log(requester?.userAgent, requester?.ip, requester?.seenAt);
 */
export async function listPendingCodes(
  config: ServerClientConfig,
  options: ListPendingCodesOptions,
): Promise<PendingCode[]> {
  const input = requireObject(options, "options");
  const userId = requireUserId(input.userId);
  const codeType = requireCodeType(input.codeType);
  const purpose = requirePurpose(input.purpose);
  const call = readCallOptions({ signal: input.signal, timeoutMs: input.timeoutMs });
  const wire = await callService(
    config,
    {
      endpoint: "listPendingCodes",
      codeType,
      body: { client_id: config.clientId, user_id: userId, purpose },
      subject: { userId },
      schema: listPendingCodesResponseSchema,
      idempotent: true,
    },
    call,
  );
  return wire.codes.map(toPendingCode);
}
