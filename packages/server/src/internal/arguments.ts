import { optionalSignal, optionalTimeoutMs } from "@handoff/types/core/arguments";
import { HandoffError } from "@handoff/types/core/errors";
import type { CallOptions } from "../call-options.js";

/*
 * The server SDK's own argument checks: the options object and the per-call options. The rules
 * both SDKs share (username, user id, code, code type and purpose, signal, timeout) are the
 * core's (`@handoff/types/core/arguments`), imported where they are used.
 */

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

/** An optional boolean. */
export function optionalBoolean(value: unknown, name: string): boolean | undefined {
  if (value !== undefined && typeof value !== "boolean") throw invalid(`${name} must be a boolean.`);
  return value;
}

/** The per-call `signal` and `timeoutMs`, checked. */
export function readCallOptions(value: unknown): CallOptions {
  if (value === undefined) return {};
  const options = requireObject(value, "options");
  const signal = optionalSignal(options.signal, "options.signal");
  const timeoutMs = optionalTimeoutMs(options.timeoutMs, "options.timeoutMs", true);
  return {
    ...(signal === undefined ? {} : { signal }),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  };
}
