import { HandoffError, isServiceErrorCode } from "@handoff/types";
import type { BrowserClientConfig } from "./config.js";

/** A validator: returns the parsed value, or `undefined` when the body does not fit the contract. */
export type Validate<T> = (body: unknown) => T | undefined;

/** What one request takes. */
export interface RequestOptions<T> {
  /** Path under the base URL, e.g. `/api/native/authenticate/code/wait`. */
  path: string;
  /** JSON body; the request is a POST when present, a GET otherwise. */
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
 * {@link HandoffError}: the service's `{code, message}` with its status, or `network_error`,
 * `timeout`, `aborted`, `invalid_response`. `details.path` names the request path and, for
 * 429, `details.retryAfterSeconds` the `Retry-After`.
 */
export async function request<T>(config: BrowserClientConfig, options: RequestOptions<T>): Promise<T> {
  const { path, body, validate, signal } = options;
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
  try {
    if (signal?.aborted) throw new HandoffError("aborted", "The operation was aborted by the caller.", { details });
    let response: Response;
    try {
      response = await config.fetch(`${config.baseUrl}${path}`, {
        method: body === undefined ? "GET" : "POST",
        headers: body === undefined ? {} : { "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: controller.signal,
      });
    } catch (cause) {
      if (signal?.aborted)
        throw new HandoffError("aborted", "The operation was aborted by the caller.", { cause, details });
      if (timedOut)
        throw new HandoffError("timeout", `The request took longer than ${timeoutMs} ms.`, { cause, details });
      throw new HandoffError("network_error", "The service could not be reached.", { cause, details });
    }
    let parsed: unknown;
    try {
      parsed = await response.json();
    } catch (cause) {
      if (signal?.aborted)
        throw new HandoffError("aborted", "The operation was aborted by the caller.", { cause, details });
      if (timedOut)
        throw new HandoffError("timeout", `The request took longer than ${timeoutMs} ms.`, { cause, details });
      throw new HandoffError("invalid_response", `The service answered ${response.status} without JSON.`, {
        status: response.status,
        cause,
        details,
      });
    }
    if (!response.ok) throw errorFromResponse(response, parsed, details);
    const value = validate(parsed);
    if (value === undefined) {
      throw new HandoffError("invalid_response", "The service answered with a body that does not match the contract.", {
        status: response.status,
        details,
      });
    }
    return value;
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}

function errorFromResponse(response: Response, body: unknown, details: { path: string }): HandoffError {
  const code = typeof body === "object" && body !== null ? (body as Record<string, unknown>).code : undefined;
  const message = typeof body === "object" && body !== null ? (body as Record<string, unknown>).message : undefined;
  const retryAfter = Number(response.headers.get("retry-after"));
  const extra = Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {};
  if (!isServiceErrorCode(code)) {
    return new HandoffError("invalid_response", `The service answered ${response.status} with an unknown error body.`, {
      status: response.status,
      details: { ...details, ...extra },
    });
  }
  return new HandoffError(code, typeof message === "string" ? message : code, {
    status: response.status,
    details: { ...details, ...extra },
  });
}
