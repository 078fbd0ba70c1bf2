import { ENDPOINTS, isHandoffError, isServiceErrorCode, SERVICE_ERROR_CODES } from "@handoff/types";
import { Hono } from "hono";
import { routePath } from "hono/route";
import type { ServiceContext } from "./context.js";
import { OAUTH_PATHS, replyOAuthError } from "./device-grant/oauth-error.js";
import { fail } from "./http/fail.js";
import { cors, jsonOnly, limitBodySize, securityHeaders } from "./http/middleware.js";
import { SERVICE_ROUTES } from "./routes/service-routes.js";

/** Methods a metric names; any other (PROPFIND, MKCOL, …) counts as `OTHER`: no series per verb. */
const KNOWN_METHODS = new Set(["GET", "POST", "PUT", "DELETE", "OPTIONS", "HEAD", "PATCH"]);

/**
 * The HTTP application: middleware, every route of the contract, and one error handler that
 * turns every failure into `{ code, message }` (a 500 is logged with its request id) — on the
 * OAuth endpoints into RFC 6749 §5.2's `{ error, error_description }`.
 */
export function createApp(context: ServiceContext, allowedOrigins: () => ReadonlySet<string>): Hono {
  const app = new Hono();
  const log = context.options.logger;

  app.use(async (c, next) => {
    const started = performance.now();
    const requestId = crypto.randomUUID();
    c.header("X-Request-Id", requestId);
    await next();
    // The matched pattern, not the path: one series per route, whatever ids a caller sends.
    context.metrics.requests.inc({
      method: KNOWN_METHODS.has(c.req.method) ? c.req.method : "OTHER",
      route: routePath(c, -1),
      status: c.res.status,
    });
    log({
      level: c.res.status >= 500 ? "error" : "info",
      msg: "request",
      request_id: requestId,
      method: c.req.method,
      path: c.req.path.slice(0, 200),
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });
  app.use(securityHeaders);
  app.use(cors(allowedOrigins));
  app.use(jsonOnly);
  app.use(limitBodySize(context));

  for (const register of SERVICE_ROUTES) register(app, context);

  const known = new Set(
    Object.values(ENDPOINTS).map((endpoint) => endpoint.path.replace("{type}", ":type").replace("{id}", ":id")),
  );
  for (const path of known) {
    app.all(path, () => {
      throw fail("method_not_allowed", "This route does not take this method.");
    });
  }

  app.notFound(() => {
    throw fail("not_found", "No such route.");
  });

  app.onError((error, c) => {
    if (isHandoffError(error) && error.code === "too_many_attempts") {
      context.metrics.rateLimited.inc({ route: routePath(c, -1) });
    }
    if (OAUTH_PATHS.has(c.req.path)) return replyOAuthError(c, context, error);
    if (isHandoffError(error) && isServiceErrorCode(error.code)) {
      const status = SERVICE_ERROR_CODES[error.code];
      const retryAfter = error.details?.retryAfterSeconds;
      if (typeof retryAfter === "number") c.header("Retry-After", String(retryAfter));
      // The unread rest of an oversized body would poison a kept-alive connection.
      if (error.code === "payload_too_large") c.header("Connection", "close");
      return c.json({ code: error.code, message: error.message }, status);
    }
    log({
      level: "error",
      msg: "unhandled error",
      path: c.req.path.slice(0, 200),
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    });
    return c.json({ code: "internal_error", message: "Something went wrong on our side." }, 500);
  });
  return app;
}
