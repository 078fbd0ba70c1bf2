import type { CodePurpose, CodeType } from "@handoff/types";
import type { CallOptions } from "../call-options.js";

/**
 * What `generateCode` takes.
 *
 * @example
 * const options: GenerateCodeOptions = { userId, codeType: "short", purpose: "temporary_authentication" };
 */
export interface GenerateCodeOptions extends CallOptions {
  /** The user the code lets in (the `id` of `getUser`). */
  userId: string;
  /** `short` (6 digits), `long` (16 letters, for links and QR codes) or `phrase` (`mouse132`). */
  codeType: CodeType;
  /** `temporary_authentication` (one-time sign-in) or `add_credential` (add device). */
  purpose: CodePurpose;
  /** Generate the code already authorized, so a wait on it returns at once. Default: `false`. */
  authorize?: boolean;
}

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
 * What `invalidateAllCodes` takes.
 *
 * @example
 * const options: InvalidateAllCodesOptions = { userId, codeType: "short", purpose: "temporary_authentication" };
 */
export interface InvalidateAllCodesOptions extends CallOptions {
  /** The user whose live codes are deleted. */
  userId: string;
  /** Only codes of this type are deleted. */
  codeType: CodeType;
  /** Only codes for this purpose are deleted. */
  purpose: CodePurpose;
}

/**
 * What `listPendingCodes` takes.
 *
 * @example
 * const options: ListPendingCodesOptions = { userId, codeType: "short", purpose: "temporary_authentication" };
 */
export interface ListPendingCodesOptions extends CallOptions {
  /** The signed-in user about to approve (the `sub` of their verified JWT). */
  userId: string;
  /** Only codes of this type are listed. */
  codeType: CodeType;
  /** Only codes for this purpose are listed. */
  purpose: CodePurpose;
}
