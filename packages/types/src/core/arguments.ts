import {
  CODE_PURPOSES,
  CODE_TYPES,
  type CodePurpose,
  type CodeType,
  isCodePurpose,
  isCodeType,
  normalizeCode,
} from "./codes.js";
import { HandoffError } from "./handoff-error.js";
import { fitsCodePoints, isName } from "./text.js";
import { normalizeUserCode } from "./user-code.js";

/*
 * The argument rules both SDKs apply before sending anything, each written once. They throw
 * `invalid_argument`, naming the argument; the service checks the same rules again.
 */

/** Longest id (a user's, a client's), in code points (`idSchema`). */
export const MAX_ID_LENGTH = 128;
/** Longest username, in code points (`usernameSchema`). */
export const MAX_USERNAME_LENGTH = 256;
/** Longest passkey or session credential name, in code points (`credentialNameSchema`). */
export const MAX_CREDENTIAL_NAME_LENGTH = 128;
/** Longest credential id, in characters: 1,023 bytes in base64url (`credentialIdSchema`). */
export const MAX_CREDENTIAL_ID_LENGTH = 1364;
/** Longest code after normalisation, in code points (`codeValueSchema`). */
export const MAX_CODE_LENGTH = 64;
/** Longest timeout timers accept, in milliseconds (2^31 − 1, about 24.8 days); a longer one fires at once. */
export const MAX_TIMEOUT_MS = 2_147_483_647;

function invalid(message: string): HandoffError<"invalid_argument"> {
  return new HandoffError("invalid_argument", message);
}

/**
 * A username: 1–256 characters, no control characters.
 *
 * @throws {HandoffError} `invalid_argument` otherwise.
 * @example
 * requireUsername("ada@example.com"); // "ada@example.com"
 */
export function requireUsername(value: unknown): string {
  if (!isName(value, MAX_USERNAME_LENGTH)) {
    throw invalid("username must be a string of 1–256 characters without control characters.");
  }
  return value;
}

/**
 * A user id: 1–128 characters, no control characters.
 *
 * @throws {HandoffError} `invalid_argument` otherwise.
 * @example
 * requireUserId("3f0c…"); // "3f0c…"
 */
export function requireUserId(value: unknown): string {
  if (!isName(value, MAX_ID_LENGTH)) {
    throw invalid("userId must be a string of 1–128 characters without control characters.");
  }
  return value;
}

/**
 * A passkey's name: 1–128 characters, no control characters.
 *
 * @param value The name.
 * @param name The argument's name, for the message. Default: `"credentialName"`.
 * @throws {HandoffError} `invalid_argument` otherwise.
 * @example
 * requireCredentialName("Laptop"); // "Laptop"
 */
export function requireCredentialName(value: unknown, name = "credentialName"): string {
  if (!isName(value, MAX_CREDENTIAL_NAME_LENGTH)) {
    throw invalid(`${name} must be a string of 1–128 characters without control characters.`);
  }
  return value;
}

/**
 * A credential id as the credential endpoints list it (a passkey's base64url id, a device key's
 * id): 1–1,364 base64url characters.
 *
 * @param name The argument's name, for the message. Default: `"credentialId"`.
 * @throws {HandoffError} `invalid_argument` otherwise.
 * @example
 * requireCredentialId(credential.id); // the id, unchanged
 */
export function requireCredentialId(value: unknown, name = "credentialId"): string {
  if (typeof value !== "string" || value.length > MAX_CREDENTIAL_ID_LENGTH || !/^[A-Za-z0-9_-]+={0,2}$/.test(value)) {
    throw invalid(`${name} must be a string of 1–${MAX_CREDENTIAL_ID_LENGTH} base64url characters.`);
  }
  return value;
}

/**
 * One of the code types.
 *
 * @throws {HandoffError} `invalid_argument` otherwise.
 * @example
 * requireCodeType("short"); // "short"
 */
export function requireCodeType(value: unknown): CodeType {
  if (!isCodeType(value)) throw invalid(`codeType must be one of ${CODE_TYPES.join(", ")}.`);
  return value;
}

/**
 * One of the code purposes.
 *
 * @throws {HandoffError} `invalid_argument` otherwise.
 * @example
 * requireCodePurpose("add_credential"); // "add_credential"
 */
export function requireCodePurpose(value: unknown): CodePurpose {
  if (!isCodePurpose(value)) throw invalid(`purpose must be one of ${CODE_PURPOSES.join(", ")}.`);
  return value;
}

/**
 * A code as a person typed or scanned it, normalised once ({@link normalizeCode}): 1–64
 * characters must be left. The format of each type (six digits, …) is left to the service, which
 * answers `invalid_code` for a code it never issued.
 *
 * @param value The code as typed.
 * @param name The argument's name, for the message. Default: `"code"`.
 * @throws {HandoffError} `invalid_argument` otherwise.
 * @example
 * requireCode(" 048-213 "); // "048213"
 */
export function requireCode(value: unknown, name = "code"): string {
  const code = typeof value === "string" ? normalizeCode(value) : "";
  if (code.length === 0 || !fitsCodePoints(code, MAX_CODE_LENGTH)) {
    throw invalid(`${name} must have 1–64 characters besides spaces and dashes.`);
  }
  return code;
}

/**
 * Whether `value` is an `AbortSignal`, also one from another realm (an iframe) or a polyfill,
 * where `instanceof` fails.
 *
 * @example
 * isAbortSignal(new AbortController().signal); // true
 */
export function isAbortSignal(value: unknown): value is AbortSignal {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as AbortSignal).aborted === "boolean" &&
    typeof (value as AbortSignal).addEventListener === "function"
  );
}

/**
 * An optional `AbortSignal`.
 *
 * @throws {HandoffError} `invalid_argument` when it is given and is not one.
 * @example
 * const signal = optionalSignal(options.signal); // AbortSignal | undefined
 */
export function optionalSignal(value: unknown, name = "signal"): AbortSignal | undefined {
  if (value !== undefined && !isAbortSignal(value)) throw invalid(`${name} must be an AbortSignal.`);
  return value;
}

/**
 * Whether `value` is a timeout: a positive number of milliseconds up to {@link MAX_TIMEOUT_MS}.
 *
 * @example
 * isTimeoutMs(30_000); // true
 * isTimeoutMs(0); // false
 */
export function isTimeoutMs(value: unknown): value is number {
  return typeof value === "number" && value > 0 && value <= MAX_TIMEOUT_MS;
}

/**
 * An optional timeout in milliseconds: positive, at most {@link MAX_TIMEOUT_MS}; `false` (no
 * timeout) only where `allowFalse` says so.
 *
 * @throws {HandoffError} `invalid_argument` naming `name` otherwise.
 * @example
 * optionalTimeoutMs(options.maxWaitMs, "maxWaitMs"); // number | undefined
 */
export function optionalTimeoutMs(value: unknown, name: string): number | undefined;
export function optionalTimeoutMs(value: unknown, name: string, allowFalse: true): number | false | undefined;
export function optionalTimeoutMs(value: unknown, name: string, allowFalse = false): number | false | undefined {
  if (value === undefined || isTimeoutMs(value) || (allowFalse && value === false)) return value;
  throw invalid(
    `${name} must be a positive number of milliseconds (at most 2^31 − 1)${allowFalse ? " or false" : ""}.`,
  );
}

/**
 * A device authorization's user code as the person typed it: case, spaces and dashes do not
 * matter, but it must then be eight characters of `USER_CODE_ALPHABET`. Returned as typed (the
 * service normalises it again).
 *
 * @throws {HandoffError} `invalid_argument` otherwise.
 * @example
 * requireUserCode("bdwp-hqpk"); // "bdwp-hqpk"
 */
export function requireUserCode(value: unknown, name = "userCode"): string {
  if (typeof value !== "string" || value.length > MAX_CODE_LENGTH || normalizeUserCode(value) === undefined) {
    throw invalid(`${name} must be a user code of eight letters, such as BDWP-HQPK.`);
  }
  return value;
}
