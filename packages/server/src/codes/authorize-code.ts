import {
  type AuthorizedCode,
  authorizeCodeResponseSchema,
  type CodePurpose,
  type CodeType,
  toAuthorizedCode,
} from "@handoff/types";
import type { CallOptions } from "../call-options.js";
import {
  readCallOptions,
  requireCode,
  requireCodeType,
  requireObject,
  requirePurpose,
  requireUserId,
} from "../internal/arguments.js";
import { callService } from "../internal/call-service.js";
import type { ServerClientConfig } from "../internal/config.js";

/**
 * What `authorizeCode` takes.
 *
 * @example
 * const options: AuthorizeCodeOptions = { userId, code: "048 213", codeType: "short", purpose: "temporary_authentication" };
 */
export interface AuthorizeCodeOptions extends CallOptions {
  /** The signed-in user approving the new device (the `sub` of their verified JWT). */
  userId: string;
  /** The code as the person typed or scanned it; spaces, dashes and case do not matter. */
  code: string;
  /** The type the code was generated with. */
  codeType: CodeType;
  /** The purpose the code was generated for. */
  purpose: CodePurpose;
}

/**
 * Authorizes a code from the user's signed-in device (seed 000, Step 5):
 * `POST /api/native/codes/{type}/authorize` with a `codes.authorize` token bound to the user.
 * The pending wait on the code then returns its JWT. The code is normalised once
 * (`normalizeCode`). Never retried: every wrong try counts toward the user's lock-out.
 *
 * @throws {HandoffError} `invalid_argument` (nothing sent), `invalid_code`, `code_expired`,
 * `too_many_attempts` (with `details.retryAfterSeconds`), `user_not_found`, `invalid_token`,
 * `forbidden`, `network_error`, `timeout`, `aborted`, `invalid_response`.
 *
 * @example
 * await authorizeCode(config, { userId, code: "048-213", codeType: "short", purpose: "temporary_authentication" });
 */
export async function authorizeCode(
  config: ServerClientConfig,
  options: AuthorizeCodeOptions,
): Promise<AuthorizedCode> {
  const input = requireObject(options, "options");
  const userId = requireUserId(input.userId);
  const code = requireCode(input.code);
  const codeType = requireCodeType(input.codeType);
  const purpose = requirePurpose(input.purpose);
  const call = readCallOptions({ signal: input.signal, timeoutMs: input.timeoutMs });
  const wire = await callService(
    config,
    {
      endpoint: "authorizeCode",
      codeType,
      body: { client_id: config.clientId, user_id: userId, purpose, code },
      subject: { userId },
      schema: authorizeCodeResponseSchema,
      idempotent: false,
    },
    call,
  );
  return toAuthorizedCode(wire);
}
