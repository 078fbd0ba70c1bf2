import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { ApiError } from "./api-error.ts";
import type { BackendEnv } from "./backend-context.ts";
import type { SessionStore } from "./session-store.ts";

/** The session cookie's name. */
export const SESSION_COOKIE = "handoff_example_session";

/**
 * Lets a request through only with a live session cookie, and puts the session in `c.var.session`.
 *
 * @example
 * app.get("/api/requests", requireSession(sessions), (c) => c.json(list(c.var.session.userId)));
 */
export function requireSession(sessions: SessionStore): MiddlewareHandler<BackendEnv> {
  return async (c, next) => {
    const session = sessions.get(getCookie(c, SESSION_COOKIE));
    if (!session) throw new ApiError(401, "not_signed_in", "Sign in first.");
    c.set("session", session);
    await next();
  };
}
