import type { Session } from "@handoff/types/core/session";
import type { BrowserClientOptions } from "../browser-client-options.js";
import { resolveConfig } from "../internal/resolve-config.js";
import { runWait } from "./run-wait.js";
import type { WaitCodeOptions } from "./wait-code-options.js";

/**
 * Waits until the signed-in device approves a code, then returns the new device's session
 * (`docs/contract.md#the-wait`). The same as `createBrowserClient(service).waitCode(options)`, as a
 * standalone function: an app that only waits on codes bundles nothing of passkeys or device keys.
 *
 * How it waits: `POST /api/native/authenticate/code/wait` (no `Authorization` header; the
 * service checks the page's `Origin`) is held by the service until the code is authorized.
 * - `408 wait_timeout` (the service's hold ended): the call is re-issued at once, until the code
 *   expires (`expiresAt`) or `maxWaitMs` passes.
 * - No answer, `5xx` (e.g. `503 service_unavailable` while the service restarts), or a proxy's
 *   408/429: retried after an exponential back-off with jitter (0.25–0.5 s, doubling, at most
 *   8 s), or after `Retry-After` when longer. A failure whose retry would come after the deadline
 *   is thrown as is.
 * - Anything else is final and thrown: `400 invalid_code`, `410 code_invalidated` (denied),
 *   `410 code_expired`, `429 too_many_attempts` (`details.retryAfterSeconds`), `403
 *   origin_not_allowed`, `invalid_response` (a `200` that breaks the contract; the code is spent).
 *
 * Each request times out after `requestTimeoutMs` (default 150 000 ms), which must be longer
 * than the service's hold (`waitTimeoutMs`, default 120 000 ms).
 *
 * @param service Where the service is, as for `createBrowserClient`.
 * @param options The code to wait on, and how long.
 * @returns The session: `jwt` to send to your backend, `user`, `client`, `credential`.
 * @throws {HandoffError} `invalid_argument` (nothing sent), `aborted` (the `signal`; the request
 * in flight is aborted), `timeout` (`maxWaitMs` passed), `code_expired` (`expiresAt` passed, or
 * the service says so), `code_invalidated`, `invalid_code`, `too_many_attempts`,
 * `invalid_response`, or the last `network_error`/`service_unavailable` near the deadline.
 *
 * @example
 * const controller = new AbortController();
 * cancelButton.onclick = () => controller.abort();
 * const session = await waitCode(
 *   { baseUrl: "https://auth.example.com", clientId },
 *   {
 *     username: "ada@example.com",
 *     code, // from your backend's generateCode
 *     codeType: "long",
 *     expiresAt, // from generateCode too
 *     signal: controller.signal,
 *     onWait: ({ remainingMs }) => (status.textContent = `${Math.ceil(remainingMs / 60_000)} min left`),
 *   },
 * );
 * await fetch("/session", { method: "POST", body: session.jwt });
 */
export function waitCode(service: BrowserClientOptions, options: WaitCodeOptions): Promise<Session> {
  try {
    return runWait(resolveConfig(service), options);
  } catch (error) {
    return Promise.reject(error);
  }
}
