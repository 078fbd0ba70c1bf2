import {
  type CodePurpose,
  type CodeType,
  type GeneratedCode,
  generateCodeResponseSchema,
  toGeneratedCode,
} from "@handoff/types";
import type { CallOptions } from "../call-options.js";
import {
  optionalBoolean,
  readCallOptions,
  requireCodeType,
  requireObject,
  requirePurpose,
  requireUserId,
} from "../internal/arguments.js";
import { callService } from "../internal/call-service.js";
import type { ServerClientConfig } from "../internal/config.js";

/**
 * What `generateCode` takes.
 *
 * @example
 * const options: GenerateCodeOptions = { userId, codeType: "short", purpose: "temporary_authentication" };
 */
export interface GenerateCodeOptions extends CallOptions {
  /** The user the code lets in (the `id` of `getUserID`). */
  userId: string;
  /** `short` (6 digits), `long` (16 letters, for links and QR codes) or `phrase` (`mouse132`). */
  codeType: CodeType;
  /** `temporary_authentication` (one-time sign-in) or `add_credential` (add device). */
  purpose: CodePurpose;
  /** Generate the code already authorized, so a wait on it returns at once. Default: `false`. */
  authorize?: boolean;
}

/**
 * Generates a code for a user (seed 000, Step 2): `POST /api/native/codes/{type}/generate` with
 * a `codes.generate` token bound to the user. Never retried: a retry would mint a second code.
 *
 * @throws {HandoffError} `invalid_argument` (nothing sent), `user_not_found`, `invalid_token`,
 * `forbidden`, `network_error`, `timeout`, `aborted`, `invalid_response`.
 *
 * @example
 * const { code, expiresAt } = await generateCode(config, { userId, codeType: "short", purpose: "temporary_authentication" });
 */
export async function generateCode(config: ServerClientConfig, options: GenerateCodeOptions): Promise<GeneratedCode> {
  const input = requireObject(options, "options");
  const userId = requireUserId(input.userId);
  const codeType = requireCodeType(input.codeType);
  const purpose = requirePurpose(input.purpose);
  const authorize = optionalBoolean(input.authorize, "authorize") ?? false;
  const call = readCallOptions({ signal: input.signal, timeoutMs: input.timeoutMs });
  const wire = await callService(
    config,
    {
      endpoint: "generateCode",
      codeType,
      body: { client_id: config.clientId, user_id: userId, purpose, authorize },
      subject: { userId },
      schema: generateCodeResponseSchema,
      idempotent: false,
    },
    call,
  );
  return toGeneratedCode(wire);
}
