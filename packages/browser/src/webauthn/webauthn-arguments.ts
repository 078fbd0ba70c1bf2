import { CODE_TYPES, type CodeType, HandoffError, isCodeType } from "@handoff/types";

const NO_CONTROL = /^[^\p{Cc}]+$/u;

function isText(value: unknown, max: number): value is string {
  return typeof value === "string" && NO_CONTROL.test(value) && [...value].length <= max;
}

function invalid(message: string): HandoffError {
  return new HandoffError("invalid_argument", message);
}

/** Checks the options object of a passkey method and its common fields; nothing is sent when they are wrong. */
export function checkPasskeyArguments(
  options: unknown,
  method: string,
): { username: string; credentialName: string | undefined; signal: AbortSignal | undefined } {
  if (typeof options !== "object" || options === null) throw invalid(`${method} takes an options object.`);
  const { username, credentialName, signal } = options as Record<string, unknown>;
  if (!isText(username, 256)) {
    throw invalid("username must be a non-empty string of at most 256 characters without control characters.");
  }
  if (credentialName !== undefined && !isText(credentialName, 128)) {
    throw invalid("credentialName must be a non-empty string of at most 128 characters without control characters.");
  }
  if (signal !== undefined && !(signal instanceof AbortSignal)) throw invalid("signal must be an AbortSignal.");
  return { username, credentialName, signal };
}

/** Checks the code of `addDevice`: a non-empty string of at most 64 characters, and its type. */
export function checkCodeArguments(options: Record<string, unknown>): { code: string; codeType: CodeType } {
  const { code, codeType = "phrase" } = options;
  if (typeof code !== "string" || code.trim() === "" || code.length > 64) {
    throw invalid("code must be a non-empty string of at most 64 characters.");
  }
  if (!isCodeType(codeType)) {
    throw invalid(`codeType must be one of ${CODE_TYPES.join(", ")}.`);
  }
  return { code, codeType };
}
