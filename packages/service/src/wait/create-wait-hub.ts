import type { Logger } from "../logger.js";
import type { Storage } from "../storage/storage.js";
import { WaitHub } from "./wait-hub.js";

/** A wait hub, connected to the other instances when the storage is shared. */
export interface ConnectedWaitHub {
  hub: WaitHub;
  /** Stops listening to the other instances (before the storage closes). */
  stop(): Promise<void>;
}

/**
 * Creates the service's {@link WaitHub}. When the storage is shared by several instances
 * (Postgres), every `publish` is also sent to the other instances, their events are delivered
 * here, and after a lost notification connection comes back every wait re-reads its code.
 * Resolves once listening, so no event published after startup is missed.
 */
export async function createWaitHub(storage: Storage, logger: Logger): Promise<ConnectedWaitHub> {
  if (!storage.subscribeCodeEvents || !storage.publishCodeEvent) {
    return { hub: new WaitHub(), stop: async () => {} };
  }
  const hub = new WaitHub({
    relay: (codeId, event) => {
      storage.publishCodeEvent?.(codeId, event).catch((error: unknown) =>
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
  const stop = await storage.subscribeCodeEvents({
    onEvent: (codeId, event) => hub.deliver(codeId, event),
    onResync: () => hub.recheckAll(),
  });
  return { hub, stop };
}
