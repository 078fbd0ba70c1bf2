import type { Context, MiddlewareHandler } from "hono";
import { ApiError } from "./api-error.ts";

/**
 * A fixed-window rate limit in memory: at most `limit` requests per key per `windowMs`, then
 * `429 too_many_requests` with `Retry-After`. Enough for one process; use a shared store (Redis)
 * when several instances serve the app.
 *
 * @example
 * app.post("/api/one-time/start", rateLimit({ limit: 10, windowMs: 60_000, key: (c) => clientIp(c) }), handler);
 */
export function rateLimit(options: {
  limit: number;
  windowMs: number;
  key: (c: Context) => string;
}): MiddlewareHandler {
  const windows = new Map<string, { count: number; resetAtMs: number }>();
  return async (c, next) => {
    const now = Date.now();
    if (windows.size > 10_000) for (const [key, w] of windows) if (w.resetAtMs <= now) windows.delete(key);
    const key = options.key(c);
    let window = windows.get(key);
    if (!window || window.resetAtMs <= now) {
      window = { count: 0, resetAtMs: now + options.windowMs };
      windows.set(key, window);
    }
    window.count += 1;
    if (window.count > options.limit) {
      const retryAfterSeconds = Math.ceil((window.resetAtMs - now) / 1000);
      throw new ApiError(
        429,
        "too_many_requests",
        "Too many attempts. Wait a minute and try again.",
        retryAfterSeconds,
      );
    }
    await next();
  };
}
