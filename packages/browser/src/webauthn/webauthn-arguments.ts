import {
  optionalSignal,
  requireCode,
  requireCodeType,
  requireCredentialName,
  requireUsername,
} from "@handoff/types/core/arguments";
import type { CodeType } from "@handoff/types/core/codes";
import { HandoffError } from "@handoff/types/core/errors";

/** The fields every passkey method takes, checked. */
export interface PasskeyArguments {
  username: string;
  credentialName: string | undefined;
  signal: AbortSignal | undefined;
}

/**
 * Checks the options object of a passkey method and its common fields with the contract's
 * argument rules (`@handoff/types/core`); nothing is sent when they are wrong.
 *
 * @throws {HandoffError} `invalid_argument` naming the first bad argument.
 */
export function checkPasskeyArguments(options: unknown, method: string): PasskeyArguments {
  if (typeof options !== "object" || options === null) {
    throw new HandoffError("invalid_argument", `${method} takes an options object.`);
  }
  const { username, credentialName, signal } = options as Record<string, unknown>;
  return {
    username: requireUsername(username),
    credentialName: credentialName === undefined ? undefined : requireCredentialName(credentialName),
    signal: optionalSignal(signal),
  };
}

/**
 * Checks the options of `signIn`: `username` is optional (without it the sign-in is
 * username-less), `autofill` a boolean that takes no username (conditional mediation offers
 * every passkey of the site).
 *
 * @throws {HandoffError} `invalid_argument` naming the first bad argument.
 */
export function checkSignInArguments(options: unknown): {
  username: string | undefined;
  autofill: boolean;
  signal: AbortSignal | undefined;
} {
  if (typeof options !== "object" || options === null) {
    throw new HandoffError("invalid_argument", "signIn takes an options object.");
  }
  const { username, autofill = false, signal } = options as Record<string, unknown>;
  if (typeof autofill !== "boolean") throw new HandoffError("invalid_argument", "autofill must be a boolean.");
  if (autofill && username !== undefined) {
    throw new HandoffError(
      "invalid_argument",
      "autofill takes no username: the browser offers every passkey of the site.",
    );
  }
  return {
    username: username === undefined ? undefined : requireUsername(username),
    autofill,
    signal: optionalSignal(signal),
  };
}

/**
 * Checks the code of `addDevice` and its type (default `"phrase"`); the code is normalised
 * (`normalizeCode`) as everywhere else.
 *
 * @throws {HandoffError} `invalid_argument` naming the first bad argument.
 */
export function checkCodeArguments(options: Record<string, unknown>): { code: string; codeType: CodeType } {
  const { code, codeType = "phrase" } = options;
  return { code: requireCode(code), codeType: requireCodeType(codeType) };
}
