import type { SharedCodeEvent } from "../events/code-event-bus.js";

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
