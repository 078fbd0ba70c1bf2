// What to tell people when something fails: one sentence per error code they can act on.
import { isHandoffError } from "@handoff/browser";
import { BackendError } from "./api.ts";

const handoffMessages: Record<string, string> = {
  code_invalidated: "The request was denied on your other device.",
  code_expired: "The code expired before it was approved. Start again to get a new one.",
  aborted: "Cancelled.",
  timeout: "This took too long. Check your connection and try again.",
  invalid_code: "That code is not right, or it was already used. Check the email and try again.",
  too_many_attempts: "Too many wrong codes for this account. Wait a few minutes and try again.",
  user_exists: "An account with this email already exists. Sign in instead.",
  webauthn_unsupported: "This browser cannot use passkeys here.",
  webauthn_cancelled: "The passkey prompt was closed. Try again when you are ready.",
  webauthn_timeout: "The passkey prompt timed out. Try again.",
  webauthn_security_error: "The browser refused to use a passkey on this site.",
  credential_exists: "This device already has a passkey for this account. Sign in with it.",
  credential_not_found: "This passkey is no longer on your account. Sign in another way.",
  network_error: "The sign-in service could not be reached. Check your connection.",
  origin_not_allowed: "This site is not allowed to use the sign-in service (check the client's origins).",
};

/** A sentence for a failure from `@handoff/browser` or the app's backend. */
export function describeError(error: unknown): string {
  if (isHandoffError(error)) return handoffMessages[error.code] ?? `Something went wrong (${error.code}).`;
  if (error instanceof BackendError) return error.message;
  return "Something went wrong. Try again.";
}

/** The error's code, when it has one. */
export function errorCode(error: unknown): string | undefined {
  if (isHandoffError(error) || error instanceof BackendError) return error.code;
  return undefined;
}

/** "Chrome on Linux" from a user agent string: enough to recognise a device at a glance. */
export function describeUserAgent(userAgent: string): string {
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /(Chrome|Chromium|HeadlessChrome)\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : "A browser";
  const system = /Android/.test(userAgent)
    ? "Android"
    : /iPhone|iPad/.test(userAgent)
      ? "iOS"
      : /Mac OS X/.test(userAgent)
        ? "macOS"
        : /Windows/.test(userAgent)
          ? "Windows"
          : /Linux/.test(userAgent)
            ? "Linux"
            : "an unknown system";
  return `${browser} on ${system}`;
}

/** "048213" → "048 213": easier to read aloud and to compare between two screens. */
export function groupCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}
