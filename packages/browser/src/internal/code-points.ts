/**
 * Whether `value` has at most `max` code points, the way zod's `maxLength` counts strings
 * (a surrogate pair once, a lone surrogate as itself). Cheap for the common case: a string of
 * at most `max` UTF-16 units always fits and one of more than `2 × max` never does.
 */
export function fitsCodePoints(value: string, max: number): boolean {
  return value.length <= max || (value.length <= 2 * max && [...value].length <= max);
}
