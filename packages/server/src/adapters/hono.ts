/**
 * The Handoff backend routes as Hono middleware.
 *
 * @packageDocumentation
 * @module @handoff/server/hono
 */
import { createHandoffHandler } from "../handler/create-handoff-handler.js";
import type { HandoffHandlerOptions } from "../handler/handler-options.js";

export type { HandoffHandlerOptions, SignedInUser } from "../handler/handler-options.js";

/** The part of Hono's context the middleware uses (so Hono is not a dependency of this package). */
export interface HonoContextLike {
  req: { raw: Request };
}

/**
 * Hono middleware serving the routes of `createHandoffHandler` under `basePath` (default
 * `/handoff`) and passing every other request on. Your `getUser` and `signIn` get the Hono
 * context as their last argument (`c.get(…)`, `setCookie(c, …)`).
 *
 * @example
 * import { type Context, Hono } from "hono";
 * import { setCookie } from "hono/cookie";
 * import { handoffHono, type SignedInUser } from "@handoff/server/hono";
 *
 * type Env = { Variables: { user?: SignedInUser } };
 * const app = new Hono<Env>();
 * app.use(
 *   handoffHono<Context<Env>>({
 *     client,
 *     getUser: (_request, c) => c.get("user") ?? null, // { userId, credentialType }
 *     signIn: (claims, _request, c) => { setCookie(c, "session", startSession(claims)); return c.json({ ok: true }); },
 *   }),
 * );
 */
export function handoffHono<C extends HonoContextLike>(
  options: HandoffHandlerOptions<C>,
): (c: C, next: () => Promise<void>) => Promise<Response | undefined> {
  const handle = createHandoffHandler(options);
  return async (c, next) => {
    const response = await handle(c.req.raw, c);
    if (response) return response;
    await next();
    return undefined;
  };
}
