/**
 * Per-call options every method that talks to the service accepts.
 *
 * @example
 * const controller = new AbortController();
 * await handoff.getUser("alice@example.com", { signal: controller.signal, timeoutMs: 2_000 });
 */
export interface CallOptions {
  /** Aborts the call; it then rejects with `HandoffError` code `aborted`. */
  signal?: AbortSignal;
  /**
   * Time budget of this call in milliseconds, retries included, or `false` for none. Rejects with
   * `HandoffError` code `timeout` when exceeded. Default: the client's `timeoutMs`.
   */
  timeoutMs?: number | false;
}
