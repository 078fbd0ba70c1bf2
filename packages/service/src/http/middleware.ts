import { ENDPOINTS } from "@handoff/types";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { ServiceContext } from "../context.js";
import { fail } from "./fail.js";

/**
 * Headers on every answer: nothing is cached, sniffed, framed or referred. Set before the route
 * runs, so they go out with the answer it makes (a route may still set its own `Cache-Control`):
 * a header set on an answer already made copies the whole answer.
 */
export const securityHeaders: MiddlewareHandler = (c, next) => {
  c.header("Cache-Control", "no-store");
  c.header("X-Content-Type-Options", "nosniff");
  c.header("X-Frame-Options", "DENY");
  c.header("Referrer-Policy", "no-referrer");
  c.header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
  c.header("Cross-Origin-Resource-Policy", "cross-origin");
  return next();
};

/** Paths whose bodies are form-encoded (the OAuth endpoints, `body: "form"` in `ENDPOINTS`). */
const FORM_PATHS: ReadonlySet<string> = new Set(
  Object.values(ENDPOINTS)
    .filter((endpoint) => "body" in endpoint && endpoint.body === "form")
    .map((endpoint) => endpoint.path),
);

/** POST bodies must be JSON (form-encoded on the OAuth endpoints): 415 before anything is read. */
export const jsonOnly: MiddlewareHandler = (c, next) => {
  if (c.req.method !== "POST") return next();
  const type = c.req.header("content-type") ?? "";
  if (FORM_PATHS.has(c.req.path)) {
    if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(type)) {
      throw fail("unsupported_media_type", "The body must be application/x-www-form-urlencoded.");
    }
  } else if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw fail("unsupported_media_type", "The body must be application/json.");
  }
  return next();
};

/**
 * Bodies must be small: 413 before anything is parsed. A body with a `Content-Length` is judged
 * by it (the HTTP server holds the sender to it, and nothing is read here); one without
 * (chunked) is read up to the limit by Hono's `bodyLimit`, which otherwise turns every
 * request's body into a web stream.
 */
export function limitBodySize(context: ServiceContext): MiddlewareHandler {
  const maxBytes = context.options.maxBodyBytes;
  const tooLarge = () => fail("payload_too_large", `The body must be at most ${maxBytes} bytes.`);
  const readUpToLimit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw tooLarge();
    },
  });
  return (c, next) => {
    const length = c.req.header("content-length");
    if (length === undefined || c.req.header("transfer-encoding") !== undefined) return readUpToLimit(c, next);
    if (Number(length) > maxBytes) throw tooLarge();
    return next();
  };
}

/**
 * Paths browsers call: the wait, passkeys, `/pwless/*` and the public keys (every endpoint of
 * `ENDPOINTS` that does not require a service token). Only these answer CORS.
 */
const BROWSER_PATHS: ReadonlySet<string> = new Set(
  Object.values(ENDPOINTS)
    .filter((endpoint) => endpoint.auth !== "service_token")
    .map((endpoint) => endpoint.path),
);

/**
 * CORS by allow-list, on the browser-facing endpoints only: an origin listed by any client may
 * call them; `null` and unlisted origins get no CORS headers (the browser then blocks the
 * answer), and a preflight from them is refused with 403. Management endpoints (users, codes, credentials),
 * which only backends call, send no CORS headers at all, whatever the origin. Handlers that know
 * the client check the origin against that client's own list.
 */
export function cors(allowedOrigins: () => ReadonlySet<string>): MiddlewareHandler {
  return (c, next) => {
    if (!BROWSER_PATHS.has(c.req.path)) return next();
    const origin = c.req.header("origin");
    const allowed = origin !== undefined && origin !== "null" && allowedOrigins().has(origin);
    if (c.req.method === "OPTIONS" && c.req.header("access-control-request-method")) {
      if (!allowed) return Promise.resolve(c.body(null, 403));
      c.header("Access-Control-Allow-Origin", origin);
      c.header("Access-Control-Allow-Methods", "GET, POST");
      c.header("Access-Control-Allow-Headers", "Content-Type, Authorization");
      c.header("Access-Control-Max-Age", "600");
      c.header("Vary", "Origin");
      return Promise.resolve(c.body(null, 204));
    }
    // Before the route runs, like the security headers: the answer is made with them.
    if (allowed) {
      c.header("Access-Control-Allow-Origin", origin);
      c.header("Access-Control-Expose-Headers", "Retry-After");
    }
    c.header("Vary", "Origin", { append: true });
    return next();
  };
}

/** Throws `origin_not_allowed` when a browser calls for a client that does not list its origin. */
export function assertOriginAllowed(origin: string | undefined, origins: readonly string[]): void {
  if (origin !== undefined && !origins.includes(origin)) {
    throw fail("origin_not_allowed", "This origin is not allowed for the client.");
  }
}
