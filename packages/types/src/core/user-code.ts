import { normalizeCode } from "./codes.js";

/**
 * The characters of a device authorization's user code: RFC 8628 §6.1's base-20 alphabet, upper
 * case consonants without confusable ones (no vowels, so no words; no `0/O`, `1/I/L`-style pairs).
 *
 * @example
 * USER_CODE_ALPHABET.length; // 20
 */
export const USER_CODE_ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";

/** Characters in a user code: 20^8 codes, 34.6 bits (RFC 8628 §6.1's example format `BDWP-HQPK`). */
export const USER_CODE_LENGTH = 8;

const USER_CODE = new RegExp(`^[${USER_CODE_ALPHABET}]{${USER_CODE_LENGTH}}$`);

/**
 * A user code as a person typed it, in its one canonical form: {@link normalizeCode} (NFKC,
 * spaces, dashes and underscores removed), then upper case. `" bdwp-hqpk "` becomes `"BDWPHQPK"`.
 * `undefined` when the result cannot be a user code (wrong length or a character outside
 * {@link USER_CODE_ALPHABET}).
 *
 * @example
 * normalizeUserCode("bdwp-hqpk"); // "BDWPHQPK"
 * normalizeUserCode("BDWP-HQP0"); // undefined
 */
export function normalizeUserCode(input: string): string | undefined {
  const code = normalizeCode(input).toUpperCase();
  return USER_CODE.test(code) ? code : undefined;
}

/**
 * A user code as it is shown: two groups of four, `BDWP-HQPK`.
 *
 * @example
 * formatUserCode("BDWPHQPK"); // "BDWP-HQPK"
 */
export function formatUserCode(code: string): string {
  const half = Math.ceil(code.length / 2);
  return `${code.slice(0, half)}-${code.slice(half)}`;
}
