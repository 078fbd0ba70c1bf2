import { ENDPOINTS, endpointPath, HandoffError } from "@handoff/types/core";
import type { RetryOptions as KyRetryOptions } from "ky";
import type { ResolvedRetry, ServerClientConfig } from "./config.js";
import { loadKy, loadSchemas } from "./lazy.js";
import type { ServiceMethod, ServiceRequest } from "./service-method.js";
import { toHandoffError } from "./to-handoff-error.js";

/** Status codes after which an idempotent call is retried. */
const RETRY_STATUS_CODES = [502, 503, 504];

/**
 * Sends one call of a method-table row with a freshly signed service token and returns its
 * converted 200 body. Every failure is a `HandoffError` (see `toHandoffError`); a 200 body off
 * the contract is `invalid_response`. Retries, when the row allows them, each sign a new token:
 * a nonce is never sent twice.
 */
export async function callService<Result>(
  config: ServerClientConfig,
  method: Pick<ServiceMethod<never[], Result>, "endpoint" | "binding" | "retry" | "response">,
  request: ServiceRequest,
): Promise<Result> {
  const { method: httpMethod, scope } = ENDPOINTS[method.endpoint];
  const path = endpointPath(method.endpoint, request.params);
  const { signal } = request.call;
  const timeoutMs = request.call.timeoutMs ?? config.timeoutMs;
  const subject =
    request.subject === undefined
      ? { scope }
      : method.binding === "user_id"
        ? { scope, userId: request.subject }
        : { scope, username: request.subject };
  const sign = async () => `Bearer ${await config.signToken(subject)}`;
  let kyModule: Awaited<ReturnType<typeof loadKy>> | undefined;
  try {
    if (signal?.aborted) throw signal.reason;
    const [loadedKy, schemas, authorization] = await Promise.all([loadKy(), loadSchemas(), sign()]);
    kyModule = loadedKy;
    const pending = loadedKy.default(`${config.baseUrl}${path}`, {
      method: httpMethod,
      ...(request.body === undefined ? {} : { json: request.body }),
      ...(request.query === undefined ? {} : { searchParams: request.query }),
      headers: { authorization },
      fetch: config.fetch,
      ...(signal ? { signal } : {}),
      timeout: false,
      totalTimeout: timeoutMs,
      retry: method.retry && config.retry ? retryOptions(config.retry, httpMethod) : 0,
      hooks: {
        beforeRetry: [
          async ({ request: retried }) => {
            retried.headers.set("authorization", await sign());
          },
        ],
      },
    });
    // Both settle with the same answer: `pending` for the status, `json()` for a body read bounded by the budget.
    const [response, data] = await Promise.all([pending, pending.json()]);
    const result = method.response(data, schemas);
    if (result === undefined) {
      throw new HandoffError("invalid_response", undefined, {
        status: response.status,
        details: { path },
      });
    }
    return result;
  } catch (error) {
    throw toHandoffError(error, { path, signal, timeoutMs }, kyModule);
  }
}

function retryOptions(retry: ResolvedRetry, method: string): KyRetryOptions {
  return {
    limit: retry.limit,
    methods: [method.toLowerCase()],
    statusCodes: RETRY_STATUS_CODES,
    afterStatusCodes: [503],
    maxRetryAfter: retry.maxDelayMs,
    backoffLimit: retry.maxDelayMs,
    delay: (attempt) => retry.initialDelayMs * 2 ** (attempt - 1),
    jitter: true,
    retryOnTimeout: false,
  };
}
