/**
 * NOTIFY across many instances: every instance LISTENs on the one channel, so each notification
 * is delivered to every listening session, and Postgres does that work once per listener. A
 * fixed number of publishers send `SELECT pg_notify(…)` (Handoff's code event, its own
 * transaction) while 2, 8, 32… sessions listen; per number of listeners: commits/s, the share
 * each listener received, and the Postgres server's CPU per notification sent.
 */
import type pg from "pg";
import { CHANNEL, connect, hammer } from "./notify-throughput.ts";
import { type Summary, summarize } from "./stats.ts";

/** One number of listening sessions. */
export interface FanOutPoint {
  listeners: number;
  notifiesPerSecond: number;
  /** The least any listener received over what was sent (1 = all). */
  delivered: number;
  commitMs: Summary;
  /** CPU of the whole Postgres server per notification sent, µs. */
  postgresCpuUsPerNotify: number;
}

/** Options of {@link measureFanOut}. */
export interface FanOutOptions {
  listeners: readonly number[];
  publishers: number;
  seconds: number;
  /** Cumulative CPU seconds of the Postgres server so far (lib/process-cpu.ts). */
  postgresCpuSeconds: () => number;
}

/** Measures NOTIFY with more and more listening sessions, on the database at `url`. */
export async function measureFanOut(url: string, options: FanOutOptions): Promise<FanOutPoint[]> {
  const publishers = await Promise.all(Array.from({ length: options.publishers }, () => connect(url, false)));
  const instance = crypto.randomUUID();
  const points: FanOutPoint[] = [];
  try {
    for (const count of options.listeners) {
      const listeners: pg.Client[] = await Promise.all(Array.from({ length: count }, () => connect(url, false)));
      try {
        const received = listeners.map(() => 0);
        listeners.forEach((listener, i) => {
          listener.on("notification", () => {
            received[i] = (received[i] ?? 0) + 1;
          });
        });
        await Promise.all(listeners.map((listener) => listener.query(`LISTEN ${CHANNEL}`)));
        const cpuBefore = options.postgresCpuSeconds();
        const run = await hammer(publishers, options.seconds, (client) =>
          client.query("SELECT pg_notify($1, $2)", [
            CHANNEL,
            JSON.stringify({ i: instance, c: crypto.randomUUID(), e: "authorized" }),
          ]),
        );
        for (let waited = 0; waited < 5_000 && Math.min(...received) < run.sent; waited += 20) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        const cpu = options.postgresCpuSeconds() - cpuBefore;
        points.push({
          listeners: count,
          notifiesPerSecond: run.perSecond,
          delivered: Math.round((Math.min(...received) / run.sent) * 1000) / 1000,
          commitMs: summarize(run.latencies),
          postgresCpuUsPerNotify: Math.round((cpu * 1e6) / run.sent),
        });
      } finally {
        await Promise.all(listeners.map((listener) => listener.end()));
      }
    }
  } finally {
    await Promise.all(publishers.map((publisher) => publisher.end()));
  }
  return points;
}
