import type { ServiceContext } from "../context.js";
import type { DeviceAuthorizationRecord } from "../storage/records.js";
import type { CodeEvent } from "../wait/wait-hub.js";

/** How a held token request ended: decided (approved, denied, or gone), or not yet. */
export type HoldOutcome = "decided" | "expired" | "timeout" | "aborted" | "closing";

/**
 * Holds a token request on a pending device authorization (the `handoff_wait` extension) until
 * the user approves or denies it — on any instance: the approval publishes on the wait hub,
 * which reaches every instance on the database — it expires, the service's wait timeout passes
 * (`waitTimeoutMs`), the client goes away (`signal`), or the service closes. Subscribes before
 * re-reading the record, so a decision that lands in between is never missed, and re-reads it
 * on `recheck` (a lost notification). Frees its timers and subscription on every path.
 */
export function holdDeviceAuthorization(
  context: ServiceContext,
  record: DeviceAuthorizationRecord,
  signal: AbortSignal,
): Promise<HoldOutcome> {
  return new Promise<HoldOutcome>((resolve) => {
    const timers: ReturnType<typeof setTimeout>[] = [];
    let done = false;
    const finish = (outcome: HoldOutcome) => {
      if (done) return;
      done = true;
      for (const timer of timers) clearTimeout(timer);
      unsubscribe();
      signal.removeEventListener("abort", onAbort);
      resolve(outcome);
    };
    const onAbort = () => finish("aborted");
    const recheck = () => {
      context.storage.deviceAuthorizations.get(record.id).then(
        (current) => {
          if (!current || current.approvedAt !== null || current.deniedAt !== null) finish("decided");
        },
        () => finish("closing"),
      );
    };
    const unsubscribe = context.waits.subscribe(record.id, (event: CodeEvent) => {
      if (event === "recheck") recheck();
      else finish(event === "closing" ? "closing" : "decided");
    });
    if (signal.aborted) return finish("aborted");
    signal.addEventListener("abort", onAbort, { once: true });
    if (context.closing.value) return finish("closing");
    timers.push(setTimeout(() => finish("timeout"), context.options.waitTimeoutMs));
    const untilExpiry = record.expiresAt.getTime() - context.now().getTime();
    timers.push(setTimeout(() => finish("expired"), Math.max(0, untilExpiry)));
    recheck();
  });
}
