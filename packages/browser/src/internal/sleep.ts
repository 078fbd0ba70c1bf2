/**
 * Resolves after `ms` milliseconds, or as soon as `signal` aborts (it never rejects: the caller
 * checks why it woke up). The timer and the listener are removed either way.
 */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}
