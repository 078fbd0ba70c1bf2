import { WAIT_CODE_ENDPOINT } from "@handoff/types/core/endpoints/codes";
import { HandoffError, isHandoffError } from "@handoff/types/core/errors";
import type { Session } from "@handoff/types/core/session";
import { backoffDelayMs } from "../internal/backoff.js";
import type { BrowserClientConfig } from "../internal/config.js";
import { parseSession } from "../internal/parse-session.js";
import { request } from "../internal/request.js";
import { sleep } from "../internal/sleep.js";
import { parseWaitOptions } from "./parse-wait-options.js";
import type { WaitCodeOptions } from "./wait-code-options.js";

/** Re-issues after a `408 wait_timeout` at most this often, in case something answers 408 at once. */
const MIN_REISSUE_INTERVAL_MS = 500;

/**
 * Whether a failed request is worth retrying after a back-off: no answer (`network_error`, a
 * request `timeout`), a 5xx (the service restarting, `503 service_unavailable`, or a proxy's
 * 502/504), or a 408/429 that is not the contract's (a proxy's). Everything else is final.
 */
function isTransient(error: HandoffError): boolean {
  if (error.code === "network_error" || error.code === "timeout") return true;
  const status = error.status ?? 0;
  if (status >= 500) return true;
  return (status === 408 || status === 429) && error.code === "invalid_response";
}

/** `Retry-After` of a failed request in milliseconds, or 0. */
function retryAfterMs(error: HandoffError): number {
  const seconds = error.details?.retryAfterSeconds;
  return typeof seconds === "number" && Number.isFinite(seconds) && seconds > 0 ? seconds * 1_000 : 0;
}

/**
 * The wait loop behind `waitCode` and `client.waitCode`: long-polls the wait endpoint, re-issues
 * after each `408 wait_timeout`, backs off on transient failures, and stops at the code's expiry,
 * at `maxWaitMs`, or when the caller aborts — never leaving a request or a timer behind.
 */
export async function runWait(config: BrowserClientConfig, options: WaitCodeOptions): Promise<Session> {
  const wait = parseWaitOptions(options);
  const { signal: caller, onWait } = options;
  const startedAt = Date.now();
  const capAt = wait.maxWaitMs === undefined ? Number.POSITIVE_INFINITY : startedAt + wait.maxWaitMs;
  const deadline = Math.min(capAt, wait.expiresAtMs ?? Number.POSITIVE_INFINITY);
  const controller = new AbortController();
  let capped = false;
  const onAbort = () => controller.abort();
  caller?.addEventListener("abort", onAbort, { once: true });
  const capTimer =
    wait.maxWaitMs === undefined
      ? undefined
      : setTimeout(() => {
          capped = true;
          controller.abort();
        }, wait.maxWaitMs);

  /** Why the wait must stop now, if it must; `cause` is the last failed request, if any. */
  const stopped = (cause: unknown): HandoffError | undefined => {
    const details = { path: WAIT_CODE_ENDPOINT.path };
    if (caller?.aborted) {
      return new HandoffError("aborted", "The wait was aborted by the caller.", { cause: caller.reason, details });
    }
    const extra = cause === undefined ? {} : { cause };
    if (capped || Date.now() >= capAt) {
      return new HandoffError("timeout", `The code was not authorized within maxWaitMs (${wait.maxWaitMs} ms).`, {
        ...extra,
        details: { ...details, ...(wait.maxWaitMs === undefined ? {} : { maxWaitMs: wait.maxWaitMs }) },
      });
    }
    if (wait.expiresAtMs !== undefined && Date.now() >= wait.expiresAtMs) {
      return new HandoffError("code_expired", "The code expired before it was authorized.", {
        ...extra,
        details: { ...details, expiresAt: new Date(wait.expiresAtMs).toISOString() },
      });
    }
    return undefined;
  };

  try {
    let failures = 0;
    let lastError: unknown;
    for (let attempt = 1; ; attempt++) {
      const stop = stopped(lastError);
      if (stop) throw stop;
      const sentAt = Date.now();
      onWait?.({ attempt, elapsedMs: sentAt - startedAt, remainingMs: Math.max(0, deadline - sentAt) });
      try {
        return await request(config, {
          endpoint: WAIT_CODE_ENDPOINT,
          body: { client_id: config.clientId, ...wait.body },
          validate: parseSession,
          signal: controller.signal,
          timeoutMs: wait.requestTimeoutMs,
        });
      } catch (error) {
        if (controller.signal.aborted) throw stopped(error) ?? error;
        if (!isHandoffError(error)) throw error;
        lastError = error;
        let delayMs: number;
        if (error.code === "wait_timeout") {
          failures = 0;
          delayMs = Math.max(0, MIN_REISSUE_INTERVAL_MS - (Date.now() - sentAt));
        } else if (isTransient(error)) {
          failures += 1;
          delayMs = Math.max(backoffDelayMs(failures), retryAfterMs(error));
          // No retry would happen before the deadline: report the failure now rather than idle.
          if (Date.now() + delayMs >= deadline) throw error;
        } else {
          throw error;
        }
        // Never sleep past the deadline: wake up at it and stop at the top of the loop.
        await sleep(Math.min(delayMs, Math.max(0, deadline - Date.now())), controller.signal);
      }
    }
  } finally {
    if (capTimer !== undefined) clearTimeout(capTimer);
    caller?.removeEventListener("abort", onAbort);
  }
}
