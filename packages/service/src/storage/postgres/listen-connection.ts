import { Client, type ClientConfig } from "pg";
import type { Logger } from "../../logger.js";

/** How a {@link ListenConnection} connects, listens and reports. */
export interface ListenConnectionOptions {
  /** Connection settings of the dedicated client (never a pooled one: LISTEN is per session). */
  config: ClientConfig;
  /** Channel to LISTEN on; a plain identifier. */
  channel: string;
  /** Called with the payload of each notification on the channel. */
  onNotification(payload: string): void;
  /** Called each time the connection listens again after a drop: notifications in between are lost. */
  onReconnect(): void;
  /** Where connection drops and recoveries are logged. */
  logger: Logger;
  /** First delay before reconnecting, doubled after each failure. Default: 100. */
  reconnectDelayMs?: number;
  /** Longest delay between reconnection attempts. Default: 5 000. */
  maxReconnectDelayMs?: number;
}

/**
 * One dedicated Postgres session that LISTENs on a channel and, when it drops (server restart,
 * network, `pg_terminate_backend`), reconnects with a growing delay, LISTENs again and calls
 * `onReconnect` so the caller re-checks whatever it may have missed.
 */
export class ListenConnection {
  readonly #options: ListenConnectionOptions;
  readonly #initialDelayMs: number;
  readonly #maxDelayMs: number;
  #delayMs: number;
  #client: Client | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #closed = false;

  private constructor(options: ListenConnectionOptions) {
    this.#options = options;
    this.#initialDelayMs = options.reconnectDelayMs ?? 100;
    this.#maxDelayMs = options.maxReconnectDelayMs ?? 5_000;
    this.#delayMs = this.#initialDelayMs;
    if (!/^[a-z_][a-z0-9_]*$/.test(options.channel)) throw new RangeError(`invalid channel name "${options.channel}"`);
  }

  /** Connects and LISTENs; rejects when the first connection fails. */
  static async open(options: ListenConnectionOptions): Promise<ListenConnection> {
    const connection = new ListenConnection(options);
    await connection.#connect();
    return connection;
  }

  /** Stops listening and reconnecting. */
  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => {});
  }

  async #connect(): Promise<void> {
    const client = new Client(this.#options.config);
    client.on("error", (error) => this.#lost(client, error));
    client.on("end", () => this.#lost(client));
    client.on("notification", (message) => {
      if (message.channel === this.#options.channel && message.payload !== undefined) {
        this.#options.onNotification(message.payload);
      }
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.#options.channel}`);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    if (this.#closed) {
      await client.end().catch(() => {});
      return;
    }
    this.#client = client;
  }

  #lost(client: Client, error?: Error): void {
    if (this.#client !== client) return;
    this.#client = undefined;
    client.end().catch(() => {});
    if (this.#closed) return;
    this.#options.logger({ level: "warn", msg: "postgres listen connection lost", error: error?.message ?? "ended" });
    this.#schedule();
  }

  #schedule(): void {
    this.#timer = setTimeout(() => {
      this.#connect().then(
        () => {
          if (this.#closed) return;
          this.#delayMs = this.#initialDelayMs;
          this.#options.logger({ level: "info", msg: "postgres listen connection restored" });
          this.#options.onReconnect();
        },
        (error: Error) => {
          if (this.#closed) return;
          this.#options.logger({ level: "warn", msg: "postgres listen reconnect failed", error: error.message });
          this.#delayMs = Math.min(this.#delayMs * 2, this.#maxDelayMs);
          this.#schedule();
        },
      );
    }, this.#delayMs);
  }
}
