import {
  CODE_PURPOSES,
  CODE_TYPES,
  type CodePurpose,
  type CodeType,
  codeValueSchema,
  HandoffError,
  idSchema,
  isCodePurpose,
  isCodeType,
  normalizeCode,
  usernameSchema,
} from "@handoff/types";
import type { CallOptions } from "../call-options.js";

function invalid(message: string): HandoffError {
  return new HandoffError("invalid_argument", message);
}

/** An options object (callers in plain JavaScript may pass anything). */
export function requireObject(value: unknown, name: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw invalid(`${name} must be an object.`);
  }
  return value as Record<string, unknown>;
}

/** A username: 1–256 characters, no control characters. */
export function requireUsername(value: unknown): string {
  if (!usernameSchema.safeParse(value).success) {
    throw invalid("username must be a string of 1–256 characters without control characters.");
  }
  return value as string;
}

/** A user id: 1–128 characters, no control characters. */
export function requireUserId(value: unknown): string {
  if (!idSchema.safeParse(value).success) {
    throw invalid("userId must be a string of 1–128 characters without control characters.");
  }
  return value as string;
}

/** One of the code types. */
export function requireCodeType(value: unknown): CodeType {
  if (!isCodeType(value)) throw invalid(`codeType must be one of ${CODE_TYPES.join(", ")}.`);
  return value;
}

/** One of the code purposes. */
export function requirePurpose(value: unknown): CodePurpose {
  if (!isCodePurpose(value)) throw invalid(`purpose must be one of ${CODE_PURPOSES.join(", ")}.`);
  return value;
}

/** A code as a person typed it, normalised once (`normalizeCode`): 1–64 characters left. */
export function requireCode(value: unknown): string {
  if (typeof value !== "string") throw invalid("code must be a string.");
  const code = normalizeCode(value);
  if (!codeValueSchema.safeParse(code).success)
    throw invalid("code must have 1–64 characters besides spaces and dashes.");
  return code;
}

/** An optional boolean. */
export function optionalBoolean(value: unknown, name: string): boolean | undefined {
  if (value !== undefined && typeof value !== "boolean") throw invalid(`${name} must be a boolean.`);
  return value;
}

/** Longest timeout timers accept, in milliseconds (2^31 − 1, about 24.8 days). */
export const MAX_TIMEOUT_MS = 2_147_483_647;

/** A timeout: a positive number of milliseconds up to {@link MAX_TIMEOUT_MS}, or `false`. */
export function isTimeout(value: unknown): value is number | false {
  return value === false || (typeof value === "number" && value > 0 && value <= MAX_TIMEOUT_MS);
}

/** The per-call `signal` and `timeoutMs`, checked. */
export function readCallOptions(value: unknown): CallOptions {
  if (value === undefined) return {};
  const options = requireObject(value, "options");
  const { signal, timeoutMs } = options;
  if (signal !== undefined && !isAbortSignal(signal)) throw invalid("options.signal must be an AbortSignal.");
  if (timeoutMs !== undefined && !isTimeout(timeoutMs)) {
    throw invalid("options.timeoutMs must be a positive number of milliseconds (at most 2^31 − 1) or false.");
  }
  return {
    ...(signal === undefined ? {} : { signal }),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  };
}

function isAbortSignal(value: unknown): value is AbortSignal {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as AbortSignal).aborted === "boolean" &&
    typeof (value as AbortSignal).addEventListener === "function"
  );
}
