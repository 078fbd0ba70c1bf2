/**
 * What one Postgres carries of LISTEN/NOTIFY: N publishing connections each send one statement
 * after another, while listening connections (one per instance) count what they receive. Three
 * kinds of transaction, one statement each: `SELECT pg_notify(…)` alone with a code event's
 * payload (what Handoff's instances send after an authorize has committed); a one-row INSERT and
 * the NOTIFY together (the shape of the Postgres floor, and of any design that notifies inside
 * its write transaction); the INSERT alone (the baseline). A notifying transaction takes a lock
 * global to the whole server at commit (async.c's PreCommit_Notify, held until the commit is
 * done), so notifying commits run one at a time: past some N, more publishers only wait longer,
 * where plain INSERTs commit side by side (group commit).
 *
 * Run once on the bench's test server (fsync and synchronous_commit off), and once on a durable
 * one (lib/durable-postgres.ts: fsync and synchronous_commit on, as production runs), where each
 * commit's WAL flush happens inside the lock.
 */
import pg from "pg";
import { type Summary, summarize } from "./stats.ts";

/** One kind of transaction at one number of publishers. */
export interface CommitRate {
  /** Transactions committed per second, all publishers together. */
  perSecond: number;
  /** Latency of one transaction (one statement, autocommit), ms. */
  commitMs: Summary;
  /** Notifications each listener received over those sent (1 = every one arrived); 1 without NOTIFY. */
  delivered: number;
}

/** One number of publishers. */
export interface NotifyPoint {
  publishers: number;
  /** `SELECT pg_notify(…)` alone in its transaction: what Handoff sends after its authorize commits. */
  notifyAlone: CommitRate;
  /** A one-row INSERT and the NOTIFY in one transaction (one statement): the Postgres floor's shape. */
  writeAndNotify: CommitRate;
  /** The baseline: the one-row INSERT alone. */
  writeAlone: CommitRate;
}

/** A sweep over numbers of publishers, at one durability setting. */
export interface NotifySweep {
  durable: boolean;
  listeners: number;
  secondsPerPoint: number;
  points: NotifyPoint[];
  /** The most NOTIFY-alone commits per second seen at any number of publishers. */
  maxNotifyAlonePerSecond: number;
  /** The most INSERT + NOTIFY commits per second seen at any number of publishers. */
  maxWriteAndNotifyPerSecond: number;
  /**
   * The fewest publishers at which INSERT + NOTIFY reaches 90% of its maximum: from there on,
   * such commits queue on the NOTIFY lock (throughput flat, latency growing with each publisher).
   */
  writeAndNotifySaturatedAt: number;
}

/** Options of {@link measureNotify}. */
export interface NotifyOptions {
  /** Numbers of publishing connections to try, in order. */
  publishers: readonly number[];
  secondsPerPoint: number;
  /** Listening connections (instances). */
  listeners: number;
  /** synchronous_commit for the sessions: on for a durable server (lib/durable-postgres.ts), off for the test server. */
  durable: boolean;
}

/** The channel the sweeps notify on. */
export const CHANNEL = "bench_code_events";

/** Runs `statement` from each connection back to back for `seconds`; answers the count and latencies. */
export async function hammer(
  clients: readonly pg.Client[],
  seconds: number,
  statement: (client: pg.Client) => Promise<unknown>,
): Promise<{ perSecond: number; latencies: number[]; sent: number }> {
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const latencies: number[] = [];
  await Promise.all(
    clients.map(async (client) => {
      while (performance.now() < deadline) {
        const sent = performance.now();
        await statement(client);
        latencies.push(performance.now() - sent);
      }
    }),
  );
  return {
    perSecond: Math.round(latencies.length / ((performance.now() - started) / 1000)),
    latencies,
    sent: latencies.length,
  };
}

/** A session with synchronous_commit on (`durable`) or off. */
export async function connect(url: string, durable: boolean): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: "bench-notify" });
  await client.connect();
  await client.query(`SET synchronous_commit = ${durable ? "on" : "off"}`);
  return client;
}

/**
 * Measures NOTIFY throughput and commit latency on the database at `url`; the server decides
 * whether commits flush (fsync), `options.durable` sets synchronous_commit for the sessions.
 */
export async function measureNotify(url: string, options: NotifyOptions): Promise<NotifySweep> {
  const setup = new pg.Client({ connectionString: url });
  await setup.connect();
  await setup.query("CREATE TABLE IF NOT EXISTS bench_plain (id BIGSERIAL PRIMARY KEY, at BIGINT)");
  await setup.end();
  const listeners = await Promise.all(Array.from({ length: options.listeners }, () => connect(url, false)));
  const received = listeners.map(() => 0);
  listeners.forEach((listener, i) => {
    listener.on("notification", () => {
      received[i] = (received[i] ?? 0) + 1;
    });
  });
  await Promise.all(listeners.map((listener) => listener.query(`LISTEN ${CHANNEL}`)));
  const most = Math.max(...options.publishers);
  const publishers = await Promise.all(Array.from({ length: most }, () => connect(url, options.durable)));
  try {
    const instance = crypto.randomUUID();
    const payload = () => JSON.stringify({ i: instance, c: crypto.randomUUID(), e: "authorized" });
    const measure = async (
      clients: readonly pg.Client[],
      statement: (client: pg.Client) => Promise<unknown>,
      notifies: boolean,
    ): Promise<CommitRate> => {
      received.fill(0);
      const run = await hammer(clients, options.secondsPerPoint, statement);
      if (!notifies) return { perSecond: run.perSecond, commitMs: summarize(run.latencies), delivered: 1 };
      // Let the last notifications reach the listeners.
      for (let waited = 0; waited < 2_000 && Math.min(...received) < run.sent; waited += 20) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const delivered = Math.round((Math.min(...received) / run.sent) * 1000) / 1000;
      return { perSecond: run.perSecond, commitMs: summarize(run.latencies), delivered };
    };
    const points: NotifyPoint[] = [];
    for (const n of options.publishers) {
      const clients = publishers.slice(0, n);
      const notifyAlone = await measure(
        clients,
        (client) => client.query("SELECT pg_notify($1, $2)", [CHANNEL, payload()]),
        true,
      );
      const writeAndNotify = await measure(
        clients,
        (client) =>
          client.query(
            "WITH written AS (INSERT INTO bench_plain (at) VALUES ($3) RETURNING id) SELECT pg_notify($1, $2) FROM written",
            [CHANNEL, payload(), Date.now()],
          ),
        true,
      );
      const writeAlone = await measure(
        clients,
        (client) => client.query("INSERT INTO bench_plain (at) VALUES ($1)", [Date.now()]),
        false,
      );
      points.push({ publishers: n, notifyAlone, writeAndNotify, writeAlone });
    }
    const maxNotifyAlonePerSecond = Math.max(...points.map((point) => point.notifyAlone.perSecond));
    const maxWriteAndNotifyPerSecond = Math.max(...points.map((point) => point.writeAndNotify.perSecond));
    const saturated = points.find((point) => point.writeAndNotify.perSecond >= 0.9 * maxWriteAndNotifyPerSecond);
    return {
      durable: options.durable,
      listeners: options.listeners,
      secondsPerPoint: options.secondsPerPoint,
      points,
      maxNotifyAlonePerSecond,
      maxWriteAndNotifyPerSecond,
      writeAndNotifySaturatedAt: saturated?.publishers ?? most,
    };
  } finally {
    await Promise.all([...publishers, ...listeners].map((client) => client.end()));
  }
}
