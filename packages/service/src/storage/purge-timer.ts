import type { Logger } from "../logger.js";
import type { Storage } from "./storage.js";

/** How long expired codes are kept before the purge deletes them: a late wait still hears `code_expired`. */
export const EXPIRED_CODE_RETENTION_MS = 60 * 60 * 1000;

/** When and how {@link startPurgeTimer} purges. */
export interface PurgeTimerOptions {
  /** Time between two purges, in milliseconds. */
  intervalMs: number;
  /** The service's clock. */
  now: () => Date;
  /** Where the counts of a purge that deleted something, and failures, are logged. */
  logger: Logger;
}

/**
 * Calls {@link Storage.purgeExpired} every `intervalMs` (never two at once: a tick that finds the
 * previous purge still running is skipped) and logs how many rows of each table it deleted,
 * only when it deleted some. Returns a function that stops the timer and waits for a purge in
 * progress, to call before closing the storage.
 */
export function startPurgeTimer(
  storage: Pick<Storage, "purgeExpired">,
  options: PurgeTimerOptions,
): () => Promise<void> {
  let running: Promise<void> | undefined;
  const purge = async () => {
    try {
      const deleted = await storage.purgeExpired(options.now(), EXPIRED_CODE_RETENTION_MS);
      if (Object.values(deleted).some((count) => count > 0)) {
        options.logger({ level: "info", msg: "expired rows purged", ...deleted });
      }
    } catch (error) {
      options.logger({ level: "warn", msg: "expired rows not purged", error: String(error) });
    } finally {
      running = undefined;
    }
  };
  const timer = setInterval(() => {
    running ??= purge();
  }, options.intervalMs).unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
