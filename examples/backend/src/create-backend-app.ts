import { createServerClient, isHandoffError } from "@handoff/server";
import { UsedTokenIds } from "@handoff/server/handler";
import { Hono } from "hono";
import { ApiError } from "./api-error.ts";
import type { BackendContext, BackendEnv } from "./backend-context.ts";
import type { BackendOptions } from "./backend-options.ts";
import { createCodeMailer } from "./code-mailer.ts";
import { handoffErrorResponse } from "./handoff-error-response.ts";
import { PendingRequests } from "./pending-requests.ts";
import { rateLimit } from "./rate-limit.ts";
import { requestServiceCode } from "./request-service-code.ts";
import { clientIp } from "./requester.ts";
import { registerAddDeviceRoutes } from "./routes/add-device-routes.ts";
import { registerApproveDeviceRoutes } from "./routes/approve-device-routes.ts";
import { registerDeviceRoutes } from "./routes/device-routes.ts";
import { registerOneTimeRoutes } from "./routes/one-time-routes.ts";
import { registerRequestRoutes } from "./routes/request-routes.ts";
import { registerSessionRoutes } from "./routes/session-routes.ts";
import { registerSignUpRoutes } from "./routes/sign-up-routes.ts";
import { SessionStore } from "./session-store.ts";

/**
 * The example backend as a Hono app, without listening (`app.fetch` works in tests, Workers,
 * Bun and Deno; `createBackend` serves it on Node).
 *
 * @example
 * const app = createBackendApp({ handoff: { baseUrl, clientId, privateKey } });
 * const response = await app.request("/api/config");
 */
export function createBackendApp(options: BackendOptions): Hono<BackendEnv> {
  const {
    handoff,
    publicServiceUrl = handoff.baseUrl,
    smtp = {},
    trustProxy = false,
    secureCookies = false,
    sessionTtlMs = 8 * 60 * 60 * 1000,
    rateLimit: limits = {},
    maxPendingPerUser = 5,
    oneTimeSessionsMayApprove = false,
    onError = (error: unknown) => console.error(error),
  } = options;

  const client = createServerClient(handoff);
  // The service as this backend reaches it (`handoff.baseUrl`), not as the browser does.
  const serviceTarget = {
    baseUrl: client.baseUrl,
    clientId: client.clientId,
    ...(handoff.fetch ? { fetch: handoff.fetch } : {}),
  };
  const context: BackendContext = {
    handoff: client,
    serviceUrl: publicServiceUrl.replace(/\/+$/, ""),
    sessions: new SessionStore(sessionTtlMs),
    usedTokens: new UsedTokenIds(),
    requests: new PendingRequests(maxPendingPerUser),
    mailer: createCodeMailer(smtp),
    requestServiceCode: (email) => requestServiceCode(serviceTarget, email),
    trustProxy,
    secureCookies,
    sessionTtlMs,
    oneTimeSessionsMayApprove,
    onError,
  };

  const app = new Hono<BackendEnv>();

  app.use(async (c, next) => {
    // JSON-only POSTs: a cross-site form cannot send them without a CORS preflight (which this
    // backend never allows), on top of the SameSite=Lax session cookie.
    if (c.req.method === "POST" && !/^application\/json\s*(;|$)/i.test(c.req.header("content-type") ?? "")) {
      throw new ApiError(415, "unsupported_media_type", "Send JSON.");
    }
    await next();
    c.header("Cache-Control", "no-store");
  });

  if (limits !== false) {
    const limiter = rateLimit({
      limit: limits.limit ?? 10,
      windowMs: limits.windowMs ?? 60_000,
      key: (c) => `${c.req.path} ${clientIp(c, trustProxy)}`,
    });
    app.use("/api/one-time/start", limiter);
    app.use("/api/add-device/start", limiter);
    app.use("/api/sign-up/start", limiter);
  }

  registerSessionRoutes(app, context);
  registerOneTimeRoutes(app, context);
  registerRequestRoutes(app, context);
  registerAddDeviceRoutes(app, context);
  registerSignUpRoutes(app, context);
  registerDeviceRoutes(app, context);
  registerApproveDeviceRoutes(app, context);

  app.notFound((c) => c.json({ code: "not_found", message: "No such endpoint." }, 404));
  app.onError((error, c) => {
    const answer = error instanceof ApiError ? error : isHandoffError(error) ? handoffErrorResponse(error) : undefined;
    if (!answer) {
      onError(error);
      return c.json({ code: "internal_error", message: "Something went wrong on our side." }, 500);
    }
    if (answer.retryAfterSeconds !== undefined) c.header("Retry-After", String(answer.retryAfterSeconds));
    return c.json({ code: answer.code, message: answer.message }, answer.status);
  });
  return app;
}
