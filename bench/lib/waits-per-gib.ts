/** What one instance's held waits cost in memory, from a {@link ConcurrentWaitsResult}. */
import type { ConcurrentWaitsResult } from "../concurrent-waits.ts";

/**
 * RSS growth per wait that did not fail, KiB: a wait refused or reset never held memory, so the
 * growth is shared by the others (an upper bound when some failed after the RSS was read).
 */
export function kibPerHeldWait(waits: ConcurrentWaitsResult): number {
  return Math.round(((waits.rssHeldMiB - waits.rssBeforeMiB) * 1024 * 10) / (waits.waits - waits.errors)) / 10;
}

/** Waits one instance holds per GiB of RSS growth: 1,048,576 KiB over {@link kibPerHeldWait}. */
export function waitsPerGiB(waits: ConcurrentWaitsResult): number {
  return Math.round(1_048_576 / kibPerHeldWait(waits));
}
