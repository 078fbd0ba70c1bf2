/** What can happen to a pending code. */
export type CodeEvent = "authorized" | "invalidated" | "closing";

type Listener = (event: CodeEvent) => void;

/**
 * Wakes waits when their code changes: an in-process publish/subscribe keyed by code id. The
 * authorize and invalidate handlers publish right after committing, so a wait answers within
 * milliseconds, with no polling. A multi-instance deployment feeds `publish` from its shared
 * store's notifications.
 */
export class WaitHub {
  readonly #listeners = new Map<string, Set<Listener>>();

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

  /** Tells the waits of `codeId` what happened. */
  publish(codeId: string, event: CodeEvent): void {
    for (const listener of [...(this.#listeners.get(codeId) ?? [])]) listener(event);
  }

  /** Tells every wait the service is closing. */
  closeAll(): void {
    for (const codeId of [...this.#listeners.keys()]) this.publish(codeId, "closing");
  }

  /** Waits currently held. */
  get size(): number {
    let total = 0;
    for (const set of this.#listeners.values()) total += set.size;
    return total;
  }
}
