import type { CodeEventBus, CodeEventListener, SharedCodeEvent } from "./code-event-bus.js";

/**
 * A {@link CodeEventBus} within one process: the storage's when one process owns the database
 * (SQLite), where a bus on its own has no one to tell. Buses made with `connectedTo` share a
 * channel and deliver each other's events at once, as instances on one database would.
 *
 * @example
 * const a = new InProcessCodeEventBus();
 * const b = new InProcessCodeEventBus({ connectedTo: a });
 * await b.subscribe({ onEvent: (codeId, event) => console.log(codeId, event), onResync() {} });
 * await a.publish("code-1", "authorized"); // b's listener logs it; a's subscribers do not hear it
 */
export class InProcessCodeEventBus implements CodeEventBus {
  /** Every open bus on this channel, this one included. */
  readonly #channel: Set<InProcessCodeEventBus>;
  readonly #listeners = new Set<CodeEventListener>();

  /** Opens a bus on a channel of its own, or on the channel of `connectedTo`. */
  constructor(options: { connectedTo?: InProcessCodeEventBus } = {}) {
    this.#channel = options.connectedTo ? options.connectedTo.#channel : new Set();
    this.#channel.add(this);
  }

  async subscribe(listener: CodeEventListener): Promise<() => Promise<void>> {
    // A distinct entry per call, so the same listener subscribed twice is removed once per stop.
    const entry: CodeEventListener = {
      onEvent: (...args) => listener.onEvent(...args),
      onResync: () => listener.onResync(),
    };
    this.#listeners.add(entry);
    return async () => {
      this.#listeners.delete(entry);
    };
  }

  async publish(codeId: string, event: SharedCodeEvent): Promise<void> {
    for (const bus of this.#channel) {
      if (bus === this) continue;
      for (const listener of bus.#listeners) listener.onEvent(codeId, event);
    }
  }

  async close(): Promise<void> {
    this.#listeners.clear();
    this.#channel.delete(this);
  }
}
