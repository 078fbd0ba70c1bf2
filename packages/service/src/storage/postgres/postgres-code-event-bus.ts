import type { ClientConfig } from "pg";
import type { Logger } from "../../logger.js";
import type { CodeEventBus, CodeEventListener, SharedCodeEvent } from "../events/code-event-bus.js";
import { CODE_EVENTS_CHANNEL, decodeCodeEvent, encodeCodeEvent } from "./code-events.js";
import { ListenConnection } from "./listen-connection.js";

/** What a {@link PostgresCodeEventBus} needs. */
export interface PostgresCodeEventBusOptions {
  /** Connection settings of the dedicated LISTEN session (one per subscription). */
  listenConfig: ClientConfig;
  /** Where NOTIFY is sent from: the storage's pool. */
  notifier: { query(text: string, params: string[]): Promise<unknown> };
  /** Where dropped and restored LISTEN sessions, and malformed notifications, are logged. */
  logger: Logger;
  /** First delay before reconnecting a dropped LISTEN session. Default: 100. */
  reconnectDelayMs?: number;
}

/**
 * A {@link CodeEventBus} between every instance on one Postgres database: `publish` NOTIFYs on
 * {@link CODE_EVENTS_CHANNEL}, and each subscription LISTENs on a dedicated session, skipping
 * this bus's own events (already delivered locally). After a LISTEN session drops and comes
 * back, the listener's `onResync` is called: events sent in between are lost, so every wait
 * re-reads its code. Made by `PostgresStorage.createCodeEventBus`.
 */
export class PostgresCodeEventBus implements CodeEventBus {
  readonly #options: PostgresCodeEventBusOptions;
  readonly #instanceId = crypto.randomUUID();
  readonly #subscriptions = new Set<() => Promise<void>>();

  /** A bus publishing through `options.notifier` and listening with `options.listenConfig`. */
  constructor(options: PostgresCodeEventBusOptions) {
    this.#options = options;
  }

  async subscribe(listener: CodeEventListener): Promise<() => Promise<void>> {
    const { logger, reconnectDelayMs } = this.#options;
    const connection = await ListenConnection.open({
      config: this.#options.listenConfig,
      channel: CODE_EVENTS_CHANNEL,
      logger,
      ...(reconnectDelayMs === undefined ? {} : { reconnectDelayMs }),
      onNotification: (payload) => {
        const message = decodeCodeEvent(payload);
        if (!message) {
          logger({ level: "warn", msg: "ignored a malformed code event notification" });
          return;
        }
        if (message.instanceId !== this.#instanceId) listener.onEvent(message.codeId, message.event);
      },
      onReconnect: () => listener.onResync(),
    });
    const stop = async () => {
      this.#subscriptions.delete(stop);
      await connection.close();
    };
    this.#subscriptions.add(stop);
    return stop;
  }

  async publish(codeId: string, event: SharedCodeEvent): Promise<void> {
    const payload = encodeCodeEvent({ instanceId: this.#instanceId, codeId, event });
    await this.#options.notifier.query("SELECT pg_notify($1, $2)", [CODE_EVENTS_CHANNEL, payload]);
  }

  async close(): Promise<void> {
    await Promise.all([...this.#subscriptions].map((stop) => stop()));
  }
}
