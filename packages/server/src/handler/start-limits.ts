/** Usernames counted at once; past it the oldest count is dropped (memory stays bounded). */
const MAX_KEYS = 50_000;

/**
 * A fixed-window count per username, in memory: how many add-device mails one account gets per
 * window, so nobody fills an inbox with codes. Keys are usernames as the service matches them
 * (exactly). Per backend instance; keep your own per-address limiter in front too.
 */
export class StartLimits {
  readonly #windows = new Map<string, { count: number; endsAt: number }>();
  readonly #max: number;
  readonly #windowMs: number;
  #nextSweep = 0;

  /** At most `max` starts per key within `windowMs`. */
  constructor(max: number, windowMs: number) {
    this.#max = max;
    this.#windowMs = windowMs;
  }

  /** Counts one start for `key`; the seconds to wait when it is one too many, else `undefined`. */
  take(key: string, nowMs = Date.now()): number | undefined {
    if (nowMs >= this.#nextSweep) {
      this.#nextSweep = nowMs + Math.min(this.#windowMs, 60_000);
      for (const [candidate, window] of this.#windows) if (window.endsAt <= nowMs) this.#windows.delete(candidate);
    }
    let window = this.#windows.get(key);
    if (!window || window.endsAt <= nowMs) {
      if (this.#windows.size >= MAX_KEYS) {
        const oldest = this.#windows.keys().next().value;
        if (oldest !== undefined) this.#windows.delete(oldest);
      }
      window = { count: 0, endsAt: nowMs + this.#windowMs };
      this.#windows.delete(key);
      this.#windows.set(key, window);
    }
    if (window.count >= this.#max) return Math.max(1, Math.ceil((window.endsAt - nowMs) / 1000));
    window.count += 1;
    return undefined;
  }
}
