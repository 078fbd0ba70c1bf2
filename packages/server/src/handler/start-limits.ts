/**
 * A fixed-window count per key, in memory: how many codes the unauthenticated `start` routes may
 * make for one username per window, so nobody fills a user's inbox with add-device mails or
 * their list of pending requests with one-time codes. Per backend instance; keep your own
 * per-address limiter in front too.
 */
export class StartLimits {
  readonly #windows = new Map<string, { count: number; endsAt: number }>();
  readonly #max: number;
  readonly #windowMs: number;

  /** At most `max` starts per key within `windowMs`. */
  constructor(max: number, windowMs: number) {
    this.#max = max;
    this.#windowMs = windowMs;
  }

  /**
   * Counts one start for `key`; the seconds to wait when it is one too many, else `undefined`.
   * Forgets the windows that have ended.
   */
  take(key: string, nowMs = Date.now()): number | undefined {
    for (const [candidate, window] of this.#windows) if (window.endsAt <= nowMs) this.#windows.delete(candidate);
    const window = this.#windows.get(key) ?? { count: 0, endsAt: nowMs + this.#windowMs };
    if (window.count >= this.#max) return Math.max(1, Math.ceil((window.endsAt - nowMs) / 1000));
    window.count += 1;
    this.#windows.set(key, window);
    return undefined;
  }
}
