/**
 * Whether `value` has at most `max` code points, the way zod's `maxLength` counts strings
 * (a surrogate pair once, a lone surrogate as itself). Cheap for the common case: a string of
 * at most `max` UTF-16 units always fits and one of more than `2 × max` never does.
 *
 * @example
 * fitsCodePoints("😀".repeat(3), 3); // true (6 UTF-16 units, 3 code points)
 */
export function fitsCodePoints(value: string, max: number): boolean {
  return value.length <= max || (value.length <= 2 * max && [...value].length <= max);
}

/** One or more characters, none of them a control character (the contract's `/^[^\p{Cc}]+$/u`). */
const NAME = /^[^\p{Cc}]+$/u;

/**
 * Whether `value` is a name as the contract's `idSchema`, `usernameSchema` and
 * `credentialNameSchema` take it: a string of 1 to `max` code points without control characters.
 *
 * @example
 * isName("ada@example.com", 256); // true
 * isName("a\nb", 256); // false
 */
export function isName(value: unknown, max: number): value is string {
  return typeof value === "string" && fitsCodePoints(value, max) && NAME.test(value);
}
