/**
 * NOTIFY across many instances: every instance LISTENs on the one channel, so each notification
 * is delivered to every listening session, and Postgres does that work once per listener. A
 * fixed number of publishers send `SELECT pg_notify(…)` (Handoff's code event, its own
 * transaction) while 2, 8, 32… sessions listen; per number of listeners: commits/s, the share
 * each listener received, and the Postgres server's CPU per notification sent. Sharded: each
 * session LISTENs on a channel of its own and each NOTIFY goes to one of them in turn (a wake-up
 * channel per instance on the same server), to see what delivering to one session instead of
 * all of them saves.
 */
import type pg from "pg";
import { CHANNEL, connect, hammer } from "./notify-throughput.ts";
import { type Summary, summarize } from "./stats.ts";

/** One number of listening sessions. */
export interface FanOutPoint {
  listeners: number;
  /** Each session on its own channel, each NOTIFY to one of them; otherwise all on one channel. */
  sharded: boolean;
  notifiesPerSecond: number;
  /** The least any listener received over what was sent to it (1 = all). */
  delivered: number;
  commitMs: Summary;
  /** CPU of the whole Postgres server per notification sent, µs. */
  postgresCpuUsPerNotify: number;
}

/** Options of {@link measureFanOut}. */
export interface FanOutOptions {
  listeners: readonly number[];
  /** Numbers of sessions for the sharded runs, after the one-channel runs. */
  shardedListeners: readonly number[];
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
    const runs = [
      ...options.listeners.map((count) => ({ count, sharded: false })),
      ...options.shardedListeners.map((count) => ({ count, sharded: true })),
    ];
    for (const { count, sharded } of runs) {
      const channel = (i: number) => (sharded ? `${CHANNEL}_${i}` : CHANNEL);
      const listeners: pg.Client[] = await Promise.all(Array.from({ length: count }, () => connect(url, false)));
      try {
        const received = listeners.map(() => 0);
        listeners.forEach((listener, i) => {
          listener.on("notification", () => {
            received[i] = (received[i] ?? 0) + 1;
          });
        });
        await Promise.all(listeners.map((listener, i) => listener.query(`LISTEN ${channel(i)}`)));
        const cpuBefore = options.postgresCpuSeconds();
        let next = 0;
        const run = await hammer(publishers, options.seconds, (client) =>
          client.query("SELECT pg_notify($1, $2)", [
            channel(next++ % count),
            JSON.stringify({ i: instance, c: crypto.randomUUID(), e: "authorized" }),
          ]),
        );
        // What each session should receive: every notification, or its share of them.
        const expected = (i: number) =>
          sharded ? Math.floor(run.sent / count) + (i < run.sent % count ? 1 : 0) : run.sent;
        const short = () => received.some((n, i) => n < expected(i));
        for (let waited = 0; waited < 5_000 && short(); waited += 20) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        const cpu = options.postgresCpuSeconds() - cpuBefore;
        points.push({
          listeners: count,
          sharded,
          notifiesPerSecond: run.perSecond,
          delivered: Math.round(Math.min(...received.map((n, i) => n / Math.max(1, expected(i)))) * 1000) / 1000,
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
