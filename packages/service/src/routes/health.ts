import type { Hono } from "hono";
import type { ServiceContext } from "../context.js";

/** `GET /health`: `{ status: "ok" }`, or `"closing"` while the service shuts down. */
export function registerHealthRoute(app: Hono, context: ServiceContext): void {
  app.get("/health", (c) => c.json({ status: context.closing.value ? "closing" : "ok" }));
}
