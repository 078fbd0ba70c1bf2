import type { CodeType } from "@handoff/types/core/codes";

/** Progress of a running {@link waitCode}, given to `onWait` before each request. */
export interface WaitProgress {
  /** Number of the request about to be sent: 1 for the first, then one more per re-issue or retry. */
  attempt: number;
  /** Milliseconds since `waitCode` was called. */
  elapsedMs: number;
  /** Milliseconds until the wait gives up (`expiresAt` or `maxWaitMs`, whichever comes first). */
  remainingMs: number;
}

/** Arguments of {@link waitCode}. */
export interface WaitCodeOptions {
  /** The user signing in, as your backend generated the code for (the seed's `username`). */
  username: string;
  /** The code your backend generated; normalised with `normalizeCode` (case, spaces, dashes). */
  code: string;
  /** The code's type: `"short"`, `"long"` or `"phrase"`. */
  codeType: CodeType;
  /** A name for the session's credential. Default: the service's (`"<type> code"`). At most 128 characters. */
  credentialName?: string | undefined;
  /** Aborts the wait: the request in flight is aborted too and `waitCode` rejects with `aborted`. */
  signal?: AbortSignal | undefined;
  /**
   * Called before each request, so a UI can show that the wait goes on and how many re-issues it
   * took. Not a clock: the service holds each request up to its `waitTimeoutMs` (2 minutes by
   * default), so tick a countdown from `expiresAt` with a timer. If it throws, the wait ends with
   * that error (and no request is sent).
   */
  onWait?: ((progress: WaitProgress) => void) | undefined;
  /**
   * When the code expires, as `generateCode` returns it (a `Date` or an ISO 8601 string). No
   * request is started after it; the wait then rejects with `code_expired`. A request in flight
   * at that moment is answered by the service (`410 code_expired`), so a clock that runs ahead
   * of the service's never cuts a valid code short by more than one hold.
   */
  expiresAt?: Date | string | undefined;
  /**
   * Hard cap on the whole wait in milliseconds: when it passes, the request in flight is aborted
   * and `waitCode` rejects with `timeout`. Default: 600 000 (10 minutes, the longest code
   * lifetime) when `expiresAt` is not given; none when it is.
   */
  maxWaitMs?: number | undefined;
  /**
   * Timeout of each request in milliseconds. It must be longer than the service's hold time
   * (`waitTimeoutMs`, 120 000 by default), or every wait ends as a timeout and is retried.
   * Default: 150 000.
   */
  requestTimeoutMs?: number | undefined;
}
