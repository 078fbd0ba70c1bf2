import {
  MAX_CREDENTIAL_NAME_LENGTH,
  optionalSignal,
  optionalTimeoutMs,
  requireCode,
  requireCodeType,
  requireUsername,
} from "@handoff/types/core/arguments";
import type { CodeType } from "@handoff/types/core/codes";
import { HandoffError } from "@handoff/types/core/errors";
import { fitsCodePoints } from "@handoff/types/core/text";
import type { WaitCodeOptions } from "./wait-code-options.js";

/** Default of `maxWaitMs` when no `expiresAt` is given: 10 minutes. */
export const DEFAULT_MAX_WAIT_MS = 600_000;
/** Default of `requestTimeoutMs`: longer than the service's default hold of 120 s. */
export const DEFAULT_WAIT_REQUEST_TIMEOUT_MS = 150_000;

/** {@link WaitCodeOptions}, checked and normalised. */
export interface ParsedWaitOptions {
  /** The request body, in the contract's snake_case minus `client_id`. */
  body: {
    username: string;
    authentication_code: { code: string; type: CodeType };
    credential_name?: string;
  };
  /** Expiry of the code in epoch milliseconds, if known. */
  expiresAtMs: number | undefined;
  /** Hard cap in milliseconds, if any. */
  maxWaitMs: number | undefined;
  /** Per-request timeout in milliseconds. */
  requestTimeoutMs: number;
}

function invalid(message: string): HandoffError {
  return new HandoffError("invalid_argument", message);
}

/**
 * Checks the arguments of `waitCode` before anything is sent, with the contract's argument
 * rules (`@handoff/types/core`).
 *
 * @throws {HandoffError} `invalid_argument` naming the first bad argument.
 */
export function parseWaitOptions(options: WaitCodeOptions): ParsedWaitOptions {
  if (typeof options !== "object" || options === null) throw invalid("waitCode needs { username, code, codeType }.");
  const { credentialName, onWait, expiresAt } = options;
  const username = requireUsername(options.username);
  const code = requireCode(options.code);
  const codeType = requireCodeType(options.codeType);
  // The wait's `credential_name` may be any string of at most 128 characters (`waitCodeRequestSchema`).
  if (
    credentialName !== undefined &&
    (typeof credentialName !== "string" || !fitsCodePoints(credentialName, MAX_CREDENTIAL_NAME_LENGTH))
  ) {
    throw invalid("credentialName must be a string of at most 128 characters.");
  }
  optionalSignal(options.signal);
  if (onWait !== undefined && typeof onWait !== "function") throw invalid("onWait must be a function.");
  let expiresAtMs: number | undefined;
  if (expiresAt !== undefined) {
    expiresAtMs =
      expiresAt instanceof Date
        ? expiresAt.getTime()
        : typeof expiresAt === "string"
          ? Date.parse(expiresAt)
          : Number.NaN;
    if (Number.isNaN(expiresAtMs)) throw invalid("expiresAt must be a Date or an ISO 8601 timestamp.");
  }
  const maxWaitMs =
    optionalTimeoutMs(options.maxWaitMs, "maxWaitMs") ?? (expiresAtMs === undefined ? DEFAULT_MAX_WAIT_MS : undefined);
  const requestTimeoutMs =
    optionalTimeoutMs(options.requestTimeoutMs, "requestTimeoutMs") ?? DEFAULT_WAIT_REQUEST_TIMEOUT_MS;
  return {
    body: {
      username,
      authentication_code: { code, type: codeType },
      ...(credentialName === undefined ? {} : { credential_name: credentialName }),
    },
    expiresAtMs,
    maxWaitMs,
    requestTimeoutMs,
  };
}
