import { createHash, timingSafeEqual } from "node:crypto";
import type { Hono } from "hono";
import type { ServiceContext } from "../context.js";
import { fail } from "../http/fail.js";

/** SHA-256 of a string: equal-length inputs for `timingSafeEqual`, whatever was sent. */
const digest = (text: string) => createHash("sha256").update(text).digest();

/**
 * `GET /metrics`: the Prometheus text format, when the `metrics` option is on
 * ([contract: operations](../../../../docs/contract.md#operations)). With `metrics.bearerToken`,
 * only for `Authorization: Bearer <token>` (compared in constant time), else `401 invalid_token`.
 * Off (the default), the route does not exist: `404 not_found`.
 */
export function registerMetricsRoute(app: Hono, context: ServiceContext): void {
  const { metrics: option } = context.options;
  if (option === false) return;
  const expected = option === true ? undefined : digest(`Bearer ${option.bearerToken}`);
  app.get("/metrics", async (c) => {
    if (expected && !timingSafeEqual(digest(c.req.header("authorization") ?? ""), expected)) {
      throw fail("invalid_token", "GET /metrics needs Authorization: Bearer <the metrics token>.");
    }
    const { registry } = context.metrics;
    return c.body(await registry.metrics(), 200, { "Content-Type": registry.contentType });
  });
}
