import type { SharedCodeEvent } from "../storage/events/code-event-bus.js";

/**
 * What can happen to a pending code. `recheck`: events may have been missed (another
 * instance's notification was lost), so the wait re-reads its code from storage.
 */
export type CodeEvent = SharedCodeEvent | "closing" | "recheck";

type Listener = (event: CodeEvent) => void;

/** How a {@link WaitHub} reaches the other instances. */
export interface WaitHubOptions {
  /**
   * Called with each `authorized` / `invalidated` event published here, to tell the other
   * service instances (which feed it to their hub's `deliver`). Default: none (one instance).
   */
  relay?: (codeId: string, event: SharedCodeEvent) => void;
}

/**
 * Wakes waits when their code changes: an in-process publish/subscribe keyed by code id. The
 * authorize and invalidate handlers publish right after committing, so a wait answers within
 * milliseconds, with no polling. With shared storage, `publish` also relays the event to the
 * other instances, whose notifications arrive through `deliver`: each instance sees each event
 * exactly once.
 */
export class WaitHub {
  readonly #listeners = new Map<string, Set<Listener>>();
  readonly #relay: WaitHubOptions["relay"];

  constructor(options: WaitHubOptions = {}) {
    this.#relay = options.relay;
  }

  /** Calls `listener` on the next events of `codeId`; returns the unsubscribe function. */
  subscribe(codeId: string, listener: Listener): () => void {
    let set = this.#listeners.get(codeId);
    if (!set) {
      set = new Set();
      this.#listeners.set(codeId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.#listeners.get(codeId) === set) this.#listeners.delete(codeId);
    };
  }

  /** Tells the waits of `codeId`, here and on every other instance, what happened. */
  publish(codeId: string, event: CodeEvent): void {
    this.deliver(codeId, event);
    if (event === "authorized" || event === "invalidated") this.#relay?.(codeId, event);
  }

  /** Tells the waits of `codeId` on this instance only (an event that came from another instance). */
  deliver(codeId: string, event: CodeEvent): void {
    for (const listener of [...(this.#listeners.get(codeId) ?? [])]) listener(event);
  }

  /** Tells every wait here to re-read its code: notifications may have been lost. */
  recheckAll(): void {
    for (const codeId of [...this.#listeners.keys()]) this.deliver(codeId, "recheck");
  }

  /** Tells every wait the service is closing. */
  closeAll(): void {
    for (const codeId of [...this.#listeners.keys()]) this.deliver(codeId, "closing");
  }

  /** Waits currently held. */
  get size(): number {
    let total = 0;
    for (const set of this.#listeners.values()) total += set.size;
    return total;
  }
}
