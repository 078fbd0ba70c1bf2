import type { EndpointSpec } from "@handoff/types/core/endpoints";
import { errorFromResponse, HandoffError } from "@handoff/types/core/errors";
import type { BrowserClientConfig } from "./config.js";

/** A validator: returns the parsed value, or `undefined` when the body does not fit the contract. */
export type Validate<T> = (body: unknown) => T | undefined;

/** What one request takes. */
export interface RequestOptions<T> {
  /** The endpoint, a row of the contract's table (e.g. `WAIT_CODE_ENDPOINT`): its method and path. */
  endpoint: Pick<EndpointSpec, "method" | "path">;
  /** JSON body of a POST. */
  body?: unknown;
  /** Checks the 200 body. */
  validate: Validate<T>;
  /** Aborts the request. */
  signal?: AbortSignal | undefined;
  /** Overrides the client's per-request timeout. */
  timeoutMs?: number | false;
}

/**
 * Sends one request to the service and returns its validated 200 body. Every failure is a
 * {@link HandoffError}: an error answer as `errorFromResponse` of `@handoff/types/core` maps it
 * (the same mapping as the server SDK's), or `network_error`, `timeout`, `aborted`,
 * `invalid_response`. `details.path` names the request path.
 */
export async function request<T>(config: BrowserClientConfig, options: RequestOptions<T>): Promise<T> {
  const { endpoint, body, validate, signal } = options;
  const { path } = endpoint;
  const timeoutMs = options.timeoutMs ?? config.timeoutMs;
  const controller = new AbortController();
  let timedOut = false;
  const timer =
    timeoutMs === false
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, timeoutMs);
  const onAbort = () => controller.abort();
  signal?.addEventListener("abort", onAbort, { once: true });
  const details = { path };
  /** Why no answer (or no whole body) came: the caller aborted, the timeout passed, or `otherwise`. */
  const interrupted = (cause: unknown, otherwise: () => HandoffError): HandoffError => {
    if (signal?.aborted) return new HandoffError("aborted", undefined, { cause, details });
    if (timedOut)
      return new HandoffError("timeout", `The request took longer than ${timeoutMs} ms.`, { cause, details });
    return otherwise();
  };
  try {
    if (signal?.aborted) throw new HandoffError("aborted", undefined, { details });
    let response: Response;
    try {
      response = await config.fetch(`${config.baseUrl}${path}`, {
        method: endpoint.method,
        headers: body === undefined ? {} : { "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: controller.signal,
      });
    } catch (cause) {
      throw interrupted(cause, () => new HandoffError("network_error", undefined, { cause, details }));
    }
    let parsed: unknown;
    try {
      parsed = await response.json();
    } catch (cause) {
      throw interrupted(cause, () =>
        response.ok
          ? new HandoffError("invalid_response", `The service answered ${response.status} without JSON.`, {
              status: response.status,
              cause,
              details,
            })
          : errorFromResponse(response.status, response.headers, undefined, path),
      );
    }
    if (!response.ok) throw errorFromResponse(response.status, response.headers, parsed, path);
    const value = validate(parsed);
    if (value === undefined)
      throw new HandoffError("invalid_response", undefined, { status: response.status, details });
    return value;
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}
