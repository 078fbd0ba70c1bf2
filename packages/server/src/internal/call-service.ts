import { type CodeType, ENDPOINTS, type EndpointName, endpointPath, HandoffError } from "@handoff/types/core";
import ky, { type RetryOptions as KyRetryOptions } from "ky";
import type { CallOptions } from "../call-options.js";
import type { ResolvedRetry, ServerClientConfig } from "./config.js";
import { toHandoffError } from "./to-handoff-error.js";

/** A schema of `@handoff/types` (zod), seen only through `safeParse`. */
export interface BodySchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/** One call of a service-token endpoint. */
export interface ServiceCall<T> {
  /** The endpoint; its scope goes into the service token. */
  endpoint: Extract<
    EndpointName,
    "createUser" | "retrieveUser" | "generateCode" | "authorizeCode" | "invalidateAllCodes" | "listPendingCodes"
  >;
  /** Fills `{type}` in the path. */
  codeType?: CodeType;
  /** The JSON body (snake_case, as on the wire). */
  body: Record<string, unknown>;
  /** The user the token is bound to. */
  subject: { userId: string } | { username: string };
  /** Schema of the 200 body. */
  schema: BodySchema<T>;
  /** Whether the call is idempotent and may be retried (network errors, 502/503/504). */
  idempotent: boolean;
}

/** Status codes after which an idempotent call is retried. */
const RETRY_STATUS_CODES = [502, 503, 504];

/**
 * POSTs one call with a freshly signed service token and returns its validated 200 body.
 * Every failure is a `HandoffError` (see `toHandoffError`); a 200 body that does not match
 * `schema` is `invalid_response`. Retries, when allowed, each sign a new token: a nonce is never
 * sent twice.
 */
export async function callService<T>(
  config: ServerClientConfig,
  call: ServiceCall<T>,
  options: CallOptions,
): Promise<T> {
  const path = endpointPath(call.endpoint, call.codeType === undefined ? {} : { type: call.codeType });
  const { signal } = options;
  const timeoutMs = options.timeoutMs ?? config.timeoutMs;
  const failed = { path, signal, timeoutMs };
  const sign = async () =>
    `Bearer ${await config.signToken({ scope: ENDPOINTS[call.endpoint].scope, ...call.subject })}`;
  try {
    if (signal?.aborted) throw signal.reason;
    const authorization = await sign();
    const pending = ky.post(`${config.baseUrl}${path}`, {
      json: call.body,
      headers: { authorization },
      fetch: config.fetch,
      ...(signal ? { signal } : {}),
      timeout: false,
      totalTimeout: timeoutMs,
      retry: call.idempotent && config.retry ? retryOptions(config.retry) : 0,
      hooks: {
        beforeRetry: [
          async ({ request }) => {
            request.headers.set("authorization", await sign());
          },
        ],
      },
    });
    // Both settle with the same answer: `pending` for the status, `json()` for a body read bounded by the budget.
    const [response, data] = await Promise.all([pending, pending.json()]);
    const parsed = call.schema.safeParse(data);
    if (!parsed.success) {
      throw new HandoffError("invalid_response", undefined, { status: response.status, details: { path } });
    }
    return parsed.data;
  } catch (error) {
    throw toHandoffError(error, failed);
  }
}

function retryOptions(retry: ResolvedRetry): KyRetryOptions {
  return {
    limit: retry.limit,
    methods: ["post"],
    statusCodes: RETRY_STATUS_CODES,
    afterStatusCodes: [503],
    maxRetryAfter: retry.maxDelayMs,
    backoffLimit: retry.maxDelayMs,
    delay: (attempt) => retry.initialDelayMs * 2 ** (attempt - 1),
    jitter: true,
    retryOnTimeout: false,
  };
}
