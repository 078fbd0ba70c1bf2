/** What happened to a code, as told to the other service instances on the same database. */
export type SharedCodeEvent = "authorized" | "invalidated";

/** Receives the code events of the other service instances on a {@link CodeEventBus}. */
export interface CodeEventListener {
  /** Another instance authorized or invalidated `codeId`. */
  onEvent(codeId: string, event: SharedCodeEvent): void;
  /**
   * Events may have been missed (the notification connection dropped and is back, listening
   * again): every pending wait must re-read its code from storage.
   */
  onResync(): void;
}

/**
 * Carries code events between the service instances that share a storage, so a wait held by
 * one instance wakes when another authorizes its code. Each instance has its own bus; what it
 * publishes reaches the subscribers of every other bus on the same channel, never its own.
 * `InProcessCodeEventBus` connects the buses of one process (SQLite: one process owns the
 * file); `PostgresCodeEventBus` those of every process on a database (LISTEN/NOTIFY).
 */
export interface CodeEventBus {
  /**
   * Calls `listener` with the events the other instances publish, from now until the returned
   * function is called. Resolves once listening.
   */
  subscribe(listener: CodeEventListener): Promise<() => Promise<void>>;
  /** Tells the other instances' subscribers that `event` happened to `codeId`. */
  publish(codeId: string, event: SharedCodeEvent): Promise<void>;
  /** Ends every subscription (before the storage closes). */
  close(): Promise<void>;
}
