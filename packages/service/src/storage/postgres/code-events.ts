import type { ClientConfig } from "pg";
import type { Logger } from "../../logger.js";
import type { CodeEventListener, SharedCodeEvent } from "../storage.js";
import { ListenConnection } from "./listen-connection.js";

/** The NOTIFY channel code events travel on. */
export const CODE_EVENTS_CHANNEL = "handoff_code_events";

/** One code event on the wire: who sent it (to skip one's own), which code, what happened. */
export interface CodeEventMessage {
  instanceId: string;
  codeId: string;
  event: SharedCodeEvent;
}

/** The NOTIFY payload of a code event (JSON, well under Postgres's 8 000-byte limit). */
export function encodeCodeEvent(message: CodeEventMessage): string {
  return JSON.stringify({ i: message.instanceId, c: message.codeId, e: message.event });
}

/** Reads a NOTIFY payload; `undefined` for anything that is not a code event. */
export function decodeCodeEvent(payload: string): CodeEventMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const { i, c, e } = value as Record<string, unknown>;
  if (typeof i !== "string" || typeof c !== "string" || (e !== "authorized" && e !== "invalidated")) return undefined;
  return { instanceId: i, codeId: c, event: e };
}

/** What {@link listenForCodeEvents} needs. */
export interface ListenForCodeEventsOptions {
  /** Connection settings of the dedicated LISTEN session. */
  config: ClientConfig;
  /** This instance's id: its own events are already delivered locally and are skipped. */
  instanceId: string;
  listener: CodeEventListener;
  logger: Logger;
  /** First delay before reconnecting a dropped LISTEN session. Default: 100. */
  reconnectDelayMs?: number;
}

/**
 * LISTENs for the code events of the other instances on a dedicated session and hands them to
 * `listener`; after the session drops and comes back, calls `listener.onResync()` (events sent
 * in between are lost, so every wait re-reads its code). Resolves once listening; the returned
 * function stops.
 */
export async function listenForCodeEvents(options: ListenForCodeEventsOptions): Promise<() => Promise<void>> {
  const { listener, instanceId, logger } = options;
  const connection = await ListenConnection.open({
    config: options.config,
    channel: CODE_EVENTS_CHANNEL,
    logger,
    ...(options.reconnectDelayMs === undefined ? {} : { reconnectDelayMs: options.reconnectDelayMs }),
    onNotification(payload) {
      const message = decodeCodeEvent(payload);
      if (!message) {
        logger({ level: "warn", msg: "ignored a malformed code event notification" });
        return;
      }
      if (message.instanceId !== instanceId) listener.onEvent(message.codeId, message.event);
    },
    onReconnect: () => listener.onResync(),
  });
  return () => connection.close();
}
