/** Delay before the first retry in milliseconds. */
export const BACKOFF_BASE_MS = 500;
/** Longest delay between retries in milliseconds. */
export const BACKOFF_MAX_MS = 8_000;

/**
 * Delay before retry number `failures` (1 for the first): exponential from 0.5 s, capped at 8 s,
 * with "equal jitter" (a random point in the upper half) so clients that failed together do not
 * come back together, yet never retry immediately.
 *
 * @param failures Consecutive failures so far, at least 1.
 * @param random A source of numbers in `[0, 1)`. Default: `Math.random`.
 */
export function backoffDelayMs(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  return ceiling / 2 + random() * (ceiling / 2);
}
