/**
 * The kinds of code the service issues. Each has its own format, entropy and default lifetime
 * (see `docs/contract.md`):
 * - `short`: 6 digits, for typing on a nearby device (≈ 19.9 bits).
 * - `long`: 16 characters from the RFC 8628 base-20 alphabet, for links and QR codes (≈ 69 bits).
 * - `phrase`: an easy English word plus three digits such as `mouse132`, for email (≈ 21 bits).
 *
 * @example
 * CODE_TYPES.includes("phrase"); // true
 */
export const CODE_TYPES = ["short", "long", "phrase"] as const;

/** One of `CODE_TYPES`: `"short" | "long" | "phrase"`. */
export type CodeType = (typeof CODE_TYPES)[number];

/**
 * Why a code exists. A code generated for one purpose is never accepted for the other:
 * - `temporary_authentication`: let a new device in once (`docs/contract.md#the-wait`).
 * - `add_credential`: let a new device register a passkey or key pair for good (`docs/contract.md#add-device`).
 *
 * @example
 * CODE_PURPOSES[0]; // "temporary_authentication"
 */
export const CODE_PURPOSES = ["temporary_authentication", "add_credential"] as const;

/** One of `CODE_PURPOSES`: `"temporary_authentication" | "add_credential"`. */
export type CodePurpose = (typeof CODE_PURPOSES)[number];

/**
 * Normalises a code as typed by a person, the one rule every package applies before comparing:
 * Unicode NFKC (full-width digits become ASCII), lower case, and spaces, dashes and underscores
 * removed. `" Mouse-132 "` and `"ｍｏｕｓｅ１３２"` both become `"mouse132"`.
 *
 * @example
 * normalizeCode(" 123 456 "); // "123456"
 */
export function normalizeCode(input: string): string {
  return input
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\-_]+/g, "");
}

/**
 * Type guard for {@link CodeType}.
 *
 * @example
 * isCodeType("short"); // true
 */
export function isCodeType(value: unknown): value is CodeType {
  return typeof value === "string" && (CODE_TYPES as readonly string[]).includes(value);
}

/**
 * Type guard for {@link CodePurpose}.
 *
 * @example
 * isCodePurpose("add_credential"); // true
 */
export function isCodePurpose(value: unknown): value is CodePurpose {
  return typeof value === "string" && (CODE_PURPOSES as readonly string[]).includes(value);
}
