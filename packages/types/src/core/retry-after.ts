/**
 * Reads a `Retry-After` header (RFC 9110 §10.2.3: delay-seconds or an HTTP date) as whole
 * seconds, at least 1; `undefined` when absent or malformed.
 *
 * @param value The header's value, or `null` when absent.
 * @param now The current time in epoch milliseconds, to count an HTTP date from. Default: `Date.now()`.
 * @example
 * parseRetryAfter("120"); // 120
 * parseRetryAfter("Fri, 27 Nov 2026 10:01:30 GMT", Date.parse("2026-11-27T10:00:00Z")); // 90
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.max(1, Number(trimmed));
  // An HTTP date names its day and month; bare numbers like "-5" would parse as years.
  if (!/^[a-z]{3},/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(1, Math.ceil((date - now) / 1000));
}
