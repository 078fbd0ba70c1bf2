import type { Logger } from "../logger.js";
import type { CodeEventBus } from "../storage/events/code-event-bus.js";
import { WaitHub } from "./wait-hub.js";

/** A wait hub, connected to the other instances on its code event bus. */
export interface ConnectedWaitHub {
  hub: WaitHub;
  /** Stops listening to the other instances (before the storage closes). */
  stop(): Promise<void>;
}

/**
 * Creates the service's {@link WaitHub} on `bus`: every `publish` is also sent to the other
 * instances, their events are delivered here, and after a lost notification connection comes
 * back every wait re-reads its code. Resolves once listening, so no event published after
 * startup is missed.
 */
export async function createWaitHub(bus: CodeEventBus, logger: Logger): Promise<ConnectedWaitHub> {
  const hub = new WaitHub({
    relay: (codeId, event) => {
      bus.publish(codeId, event).catch((error: unknown) =>
        // The other instances' waits then learn it when their hold time ends and the client calls again.
        logger({
          level: "error",
          msg: "code event not sent to the other instances",
          code_id: codeId,
          event,
          error: error instanceof Error ? error.message : String(error),
        }),
      );
    },
  });
  const stop = await bus.subscribe({
    onEvent: (codeId, event) => hub.deliver(codeId, event),
    onResync: () => hub.recheckAll(),
  });
  return { hub, stop };
}
