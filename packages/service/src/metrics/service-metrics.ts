import { Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * The service's Prometheus metrics, in a registry of its own (several services in one process,
 * as in tests, never share or clash). Served at `GET /metrics` when the `metrics` option is on
 * ([contract: operations](../../../../docs/contract.md#operations)). Labels are bounded: the
 * route is the matched path pattern (`/api/native/manage/users/:id`), never the raw path.
 */
export interface ServiceMetrics {
  /** Everything below, for `GET /metrics`. */
  readonly registry: Registry;
  /** `handoff_http_requests_total{method, route, status}`. */
  readonly requests: Counter<"method" | "route" | "status">;
  /** `handoff_wait_wakeup_seconds`: from a held wait hearing "authorized" to its session answer. */
  readonly wakeup: Histogram;
  /** `handoff_rate_limited_total{route}`: answers `429 too_many_attempts` (lock-outs and caps). */
  readonly rateLimited: Counter<"route">;
}

/**
 * Creates the metrics of one service. `heldWaits` is read at each scrape for the
 * `handoff_waits_held` gauge. Node's process metrics are left out: a process may run several
 * services, and `prom-client`'s `collectDefaultMetrics` belongs to whoever owns the process.
 *
 * @example
 * const metrics = createServiceMetrics(() => hub.size);
 * metrics.requests.inc({ method: "GET", route: "/health", status: "200" });
 */
export function createServiceMetrics(heldWaits: () => number): ServiceMetrics {
  const registry = new Registry();
  const requests = new Counter({
    name: "handoff_http_requests_total",
    help: "HTTP requests answered, by method, route pattern and status.",
    labelNames: ["method", "route", "status"] as const,
    registers: [registry],
  });
  const wakeup = new Histogram({
    name: "handoff_wait_wakeup_seconds",
    help: "Time from a held wait hearing its code was authorized to its session answer being ready.",
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: "handoff_rate_limited_total",
    help: "Answers 429 too_many_attempts (attempt lock-outs, wait caps, sign-up limits), by route pattern.",
    labelNames: ["route"] as const,
    registers: [registry],
  });
  new Gauge({
    name: "handoff_waits_held",
    help: "Waits held open by this instance now.",
    registers: [registry],
    collect() {
      this.set(heldWaits());
    },
  });
  return { registry, requests, wakeup, rateLimited };
}
