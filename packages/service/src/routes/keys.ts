import { ENDPOINTS } from "@handoff/types";
import type { Hono } from "hono";
import type { ServiceContext } from "../context.js";
import { fail } from "../http/fail.js";

/** Public keys of user JWTs: JWKS, and one PEM by kid (as `@loginid/node-sdk` fetches it). */
export function registerKeyRoutes(app: Hono, context: ServiceContext): void {
  app.get(ENDPOINTS.jwks.path, async (c) => {
    // Other instances sharing the database may have created or rotated keys.
    await context.keys.refresh(context.now());
    c.header("Cache-Control", "public, max-age=300");
    return c.json(context.keys.jwks());
  });

  app.get(ENDPOINTS.certs.path, async (c) => {
    const kid = c.req.query("kid");
    if (!kid || kid.length > 128) throw fail("invalid_request", "The kid query parameter is required.");
    let pem = await context.keys.pem(kid);
    if (!pem) {
      await context.keys.refresh(context.now());
      pem = await context.keys.pem(kid);
    }
    if (!pem) throw fail("not_found", "No key with this kid.");
    return c.text(pem);
  });
}
