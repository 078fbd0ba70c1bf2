import { type CodeType, HandoffError, isCodeType, normalizeCode } from "@handoff/types";
import { fitsCodePoints } from "../internal/code-points.js";
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

const CONTROL = /\p{Cc}/u;

function invalid(message: string): HandoffError {
  return new HandoffError("invalid_argument", message);
}

function positive(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw invalid(`${name} must be a positive number of milliseconds.`);
  }
  return value;
}

/**
 * Checks the arguments of `waitCode` before anything is sent.
 *
 * @throws {HandoffError} `invalid_argument` naming the first bad argument.
 */
export function parseWaitOptions(options: WaitCodeOptions): ParsedWaitOptions {
  if (typeof options !== "object" || options === null) throw invalid("waitCode needs { username, code, codeType }.");
  const { username, code, codeType, credentialName, signal, onWait, expiresAt } = options;
  if (
    typeof username !== "string" ||
    username.length === 0 ||
    !fitsCodePoints(username, 256) ||
    CONTROL.test(username)
  ) {
    throw invalid("username must be 1–256 characters without control characters.");
  }
  const normalized = typeof code === "string" ? normalizeCode(code) : "";
  if (normalized.length === 0 || !fitsCodePoints(normalized, 64))
    throw invalid("code must be a non-empty code of at most 64 characters.");
  if (!isCodeType(codeType)) throw invalid('codeType must be "short", "long" or "phrase".');
  if (credentialName !== undefined && (typeof credentialName !== "string" || !fitsCodePoints(credentialName, 128))) {
    throw invalid("credentialName must be a string of at most 128 characters.");
  }
  if (signal !== undefined && !(typeof signal === "object" && signal !== null && "aborted" in signal)) {
    throw invalid("signal must be an AbortSignal.");
  }
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
    positive(options.maxWaitMs, "maxWaitMs") ?? (expiresAtMs === undefined ? DEFAULT_MAX_WAIT_MS : undefined);
  const requestTimeoutMs = positive(options.requestTimeoutMs, "requestTimeoutMs") ?? DEFAULT_WAIT_REQUEST_TIMEOUT_MS;
  return {
    body: {
      username,
      authentication_code: { code: normalized, type: codeType },
      ...(credentialName === undefined ? {} : { credential_name: credentialName }),
    },
    expiresAtMs,
    maxWaitMs,
    requestTimeoutMs,
  };
}
