/**
 * The service's operational routes, outside the REST contract proper: the health check load
 * balancers and orchestrators poll, and the Prometheus metrics (off unless the service's
 * `metrics` option is on; see docs/contract.md#operations).
 */
export const operationalPaths: Record<string, Record<string, unknown>> = {
  "/health": {
    get: {
      operationId: "health",
      summary: "Liveness: ok, or closing while the service shuts down (take it out of rotation)",
      security: [],
      responses: {
        "200": {
          description: "Success",
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: { status: { type: "string", enum: ["ok", "closing"] } },
                required: ["status"],
              },
            },
          },
        },
      },
    },
  },
  "/metrics": {
    get: {
      operationId: "metrics",
      summary:
        "Prometheus metrics: handoff_http_requests_total{method,route,status}, handoff_waits_held, handoff_wait_wakeup_seconds, handoff_rate_limited_total{route}",
      security: [{}, { metricsToken: [] }],
      responses: {
        "200": {
          description: "Success",
          content: { "text/plain; version=0.0.4": { schema: { type: "string" } } },
        },
        "401": {
          description: "invalid_token (a metrics bearer token is set and was not sent)",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
        },
        "404": {
          description: "not_found (metrics are off)",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
        },
      },
    },
  },
};
