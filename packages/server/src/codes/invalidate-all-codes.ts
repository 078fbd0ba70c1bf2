import {
  type CodePurpose,
  type CodeType,
  type InvalidatedCodes,
  invalidateCodesResponseSchema,
  toInvalidatedCodes,
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
 * What `invalidateAllCodes` takes.
 *
 * @example
 * const options: InvalidateAllCodesOptions = { userId, codeType: "short", purpose: "temporary_authentication" };
 */
export interface InvalidateAllCodesOptions extends CallOptions {
  /** The user whose live codes are deleted. */
  userId: string;
  /** Only codes of this type are deleted. */
  codeType: CodeType;
  /** Only codes for this purpose are deleted. */
  purpose: CodePurpose;
}

/**
 * Denies a pending request (seed 000, optional step): deletes every live code of the user for
 * that type and purpose with `POST /api/native/codes/{type}/invalidate-all` and a
 * `codes.invalidate` token bound to the user. A wait on one of them answers
 * `410 code_invalidated`. Not retried.
 *
 * @throws {HandoffError} `invalid_argument` (nothing sent), `user_not_found`, `invalid_token`,
 * `forbidden`, `network_error`, `timeout`, `aborted`, `invalid_response`.
 *
 * @example
 * const { deletedAt } = await invalidateAllCodes(config, { userId, codeType: "short", purpose: "temporary_authentication" });
 */
export async function invalidateAllCodes(
  config: ServerClientConfig,
  options: InvalidateAllCodesOptions,
): Promise<InvalidatedCodes> {
  const input = requireObject(options, "options");
  const userId = requireUserId(input.userId);
  const codeType = requireCodeType(input.codeType);
  const purpose = requirePurpose(input.purpose);
  const call = readCallOptions({ signal: input.signal, timeoutMs: input.timeoutMs });
  const wire = await callService(
    config,
    {
      endpoint: "invalidateAllCodes",
      codeType,
      body: { client_id: config.clientId, user_id: userId, purpose },
      subject: { userId },
      schema: invalidateCodesResponseSchema,
      idempotent: false,
    },
    call,
  );
  return toInvalidatedCodes(wire);
}
