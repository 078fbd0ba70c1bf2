import type { ServiceContext } from "../context.js";
import type { CodeRecord } from "../storage/records.js";
import type { CodeEvent } from "./wait-hub.js";

/** How a wait ended. */
export type WaitOutcome = "authorized" | "invalidated" | "expired" | "timeout" | "aborted" | "closing";

/**
 * Holds until the code is authorized, invalidated or expires, the wait times out, the client
 * goes away (`signal`), or the service closes. Subscribes before re-reading the code, so an
 * authorize that lands between the two is never missed; re-reads it again on `recheck` (another
 * instance's notification may have been lost). Frees its timer and subscription on every path.
 */
export function waitForCode(context: ServiceContext, code: CodeRecord, signal: AbortSignal): Promise<WaitOutcome> {
  return new Promise<WaitOutcome>((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let done = false;
    const finish = (outcome: WaitOutcome) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      unsubscribe();
      signal.removeEventListener("abort", onAbort);
      resolve(outcome);
    };
    const onAbort = () => finish("aborted");
    const recheck = () => {
      context.storage.codes.get(code.id).then(
        (current) => {
          if (!current) finish("invalidated");
          else if (current.authorizedAt !== null) finish("authorized");
        },
        () => finish("closing"),
      );
    };
    const unsubscribe = context.waits.subscribe(code.id, (event: CodeEvent) =>
      event === "recheck" ? recheck() : finish(event),
    );
    if (signal.aborted) return finish("aborted");
    signal.addEventListener("abort", onAbort, { once: true });
    if (context.closing.value) return finish("closing");
    // One timer (a held wait's memory counts): whichever comes first, the code's expiry or the wait's.
    const untilExpiry = Math.max(0, code.expiresAt.getTime() - context.now().getTime());
    timer =
      untilExpiry <= context.options.waitTimeoutMs
        ? setTimeout(() => finish("expired"), untilExpiry)
        : setTimeout(() => finish("timeout"), context.options.waitTimeoutMs);
    recheck();
  });
}
