import { isHandoffError } from "@handoff/types";
import type { ServiceContext } from "../context.js";
import type { CodeEvent, WaitHub } from "../wait/wait-hub.js";
import type { Storage } from "./storage.js";

/**
 * Runs a request's storage work in one transaction (`Storage.transaction`: one commit instead of
 * one per write), with a context whose `storage` is that transaction's stores. The waits it wakes
 * are woken after the commit, never before: a woken wait reads and consumes the code, which must
 * already be authorized for everyone. A `HandoffError` commits too (what it counted stays) and
 * still wakes; any other error rolls back, and nothing is woken.
 *
 * @example
 * const record = await inOneTransaction(context, async (tx) => matchCode(tx, scope, code, guesser));
 */
export async function inOneTransaction<T>(
  context: ServiceContext,
  work: (context: ServiceContext) => Promise<T>,
): Promise<T> {
  const wakeUps: [string, CodeEvent][] = [];
  const waits = new Proxy(context.waits, {
    get(hub, property) {
      if (property === "publish") return (codeId: string, event: CodeEvent) => void wakeUps.push([codeId, event]);
      const value: unknown = Reflect.get(hub, property, hub);
      return typeof value === "function" ? value.bind(hub) : value;
    },
  }) satisfies WaitHub;
  const wake = () => {
    for (const [codeId, event] of wakeUps) context.waits.publish(codeId, event);
  };
  try {
    const outer = context.storage;
    const result = await outer.transaction((stores) => {
      // The transaction's stores; a transaction opened inside joins this one.
      const storage: Storage = {
        ...stores,
        transaction: (inner) => inner(stores),
        migrate: () => outer.migrate(),
        close: () => outer.close(),
        purgeExpired: (now, retentionMs) => outer.purgeExpired(now, retentionMs),
        createRateLimiter: (options) => outer.createRateLimiter(options),
      };
      return work({ ...context, storage, waits });
    });
    wake();
    return result;
  } catch (error) {
    if (isHandoffError(error)) wake();
    throw error;
  }
}
