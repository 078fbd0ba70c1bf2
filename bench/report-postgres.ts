/**
 * Renders the Postgres section of bench/RESULTS.md. Each row has a name in its first cell (`pg-…`),
 * which docs/deployment-postgres.md cites for every number of its capacity table.
 */

import type { CommitRate, NotifySweep } from "./lib/notify-throughput.ts";
import type { Summary } from "./lib/stats.ts";
import { kibPerHeldWait, waitsPerGiB } from "./lib/waits-per-gib.ts";
import type { CycleFigures, PostgresResult } from "./postgres.ts";

const latency = (s: Summary) => `${s.median} / ${s.p99}`;
const verdict = (met: boolean) => (met ? "met" : "not met");

function cycleRow(name: string, what: string, figures: CycleFigures, baseline: number | undefined): string {
  const over = baseline === undefined ? "—" : `**${Math.round((figures.cyclesPerSecond / baseline) * 100) / 100}×**`;
  return `| \`${name}\` | ${what} | ${figures.cyclesPerSecond} (${figures.roundsCyclesPerSecond.join(", ")}) | ${over} | ${figures.instanceCpuMsPerCycle} | ${figures.postgresCpuMsPerCycle || "—"} |`;
}

const rate = (r: CommitRate) =>
  `${r.perSecond} · ${latency(r.commitMs)}${r.delivered === 1 ? "" : ` · delivered ${r.delivered}`}`;

function notifyRows(name: string, sweep: NotifySweep): string[] {
  return sweep.points.map(
    (point) =>
      `| \`${name}-${point.publishers}\` | ${point.publishers} | ${rate(point.notifyAlone)} | ${rate(point.writeAndNotify)} | ${rate(point.writeAlone)} |`,
  );
}

/** The section's lines. */
export function renderPostgres(result: PostgresResult): string[] {
  const { authorize, cycles, waits, notify } = result;
  const throughputMet = authorize.throughputRatio >= 0.8;
  const latencyMet = authorize.p50Ratio <= 1.3 && authorize.p99Ratio <= 1.3;
  return [
    "## 8. Postgres: authorize against its floor, cycles, waits per GiB, NOTIFY (issue 17, goals 5 and 6)",
    "",
    "Postgres 15 from Debian on 127.0.0.1, the test server's settings (fsync, synchronous_commit and full_page_writes off) unless a row says durable. Row names (first cell) are what docs/deployment-postgres.md cites.",
    "",
    `**Authorize** at concurrency ${authorize.concurrency}, ${authorize.seconds} s per side in ${authorize.rounds} interleaved rounds. The floor (lib/postgres-floor-server.ts): Hono + one jose ES256 verify + one \`pg\` transaction on a pooled connection (pool of 10, the service's default) of the same four writes as the SQLite floor plus one \`pg_notify\`, statements prepared once per connection. Latency in ms.`,
    "",
    "| row | measure | requests/s | n | median | p99 | max | Postgres CPU ms / request |",
    "|---|---|---|---|---|---|---|---|",
    `| \`pg-floor\` | floor (baseline) | ${authorize.floor.requestsPerSecond} | ${authorize.floor.latencyMs.n} | ${authorize.floor.latencyMs.median} | ${authorize.floor.latencyMs.p99} | ${authorize.floor.latencyMs.max} | ${authorize.floor.databaseCpuMsPerRequest ?? "—"} |`,
    `| \`pg-authorize\` | Handoff \`POST …/codes/short/authorize\` on Postgres | ${authorize.handoff.requestsPerSecond} | ${authorize.handoff.latencyMs.n} | ${authorize.handoff.latencyMs.median} | ${authorize.handoff.latencyMs.p99} | ${authorize.handoff.latencyMs.max} | ${authorize.handoff.databaseCpuMsPerRequest ?? "—"} |`,
    "",
    `Requests/s over the floor: **${authorize.throughputRatio}×** (goal ≥ 0.8×: ${verdict(throughputMet)}); latency over the floor's: p50 **${authorize.p50Ratio}×**, p99 **${authorize.p99Ratio}×** (goal ≤ 1.3×: ${verdict(latencyMet)}).`,
    "",
    `**Full cycles** (generate + held wait + authorize) at concurrency ${cycles.concurrency}, ${cycles.rounds} interleaved round(s) of ${cycles.secondsPerRound} s per setup, mean of the rounds. CPU per cycle from /proc over the same rounds: the service process(es), and the whole Postgres server (every backend). The machine's 2 cores run the bench client, the instances and Postgres together, so cycles/s is what they reach sharing them; CPU ms per cycle is what each part costs.`,
    "",
    "| row | setup | cycles/s (each round) | over SQLite | instance CPU ms / cycle | Postgres CPU ms / cycle |",
    "|---|---|---|---|---|---|",
    cycleRow("pg-cycles-sqlite", "SQLite file, one instance (baseline)", cycles.sqlite, undefined),
    cycleRow("pg-cycles-one", "Postgres, one instance", cycles.postgresOne, cycles.sqlite.cyclesPerSecond),
    cycleRow(
      "pg-cycles-two",
      "Postgres, two instances: generate + authorize on 1, the wait on 2 (LISTEN/NOTIFY)",
      cycles.postgresTwo,
      cycles.sqlite.cyclesPerSecond,
    ),
    "",
    `**Waits on one instance** (Postgres), opened in waves of 500 a second and held, then released by authorizes; RSS of the service process.${
      waits.errors > 0
        ? ` **${waits.errors} waits failed** (${Object.entries(waits.errorKinds)
            .map(([kind, n]) => `${kind}: ${n}`)
            .join(", ")}), and the RSS growth is divided by the ${waits.waits - waits.errors} waits that did not fail.`
        : ""
    }`,
    "",
    "| row | waits | errors | RSS before (MiB) | RSS held (MiB) | per wait that did not fail (KiB) | waits per GiB | release all (ms) | bare round trips (ms) |",
    "|---|---|---|---|---|---|---|---|---|",
    `| \`pg-waits\` | ${waits.waits} | ${waits.errors} | ${waits.rssBeforeMiB} | ${waits.rssHeldMiB} | ${kibPerHeldWait(waits)} | ${waitsPerGiB(waits)} | ${waits.releaseMs} | ${waits.baselineMs} |`,
    "",
    `**NOTIFY on one Postgres**: N connections each committing one statement after another for ${notify.test.secondsPerPoint} s per kind, ${notify.test.listeners} connections LISTENing (two instances). Each cell: commits/s · commit latency median / p99 in ms (· the share of notifications each listener received, when not all). NOTIFY alone is \`SELECT pg_notify('…', '{"i":…,"c":…,"e":"authorized"}')\`, what Handoff sends after its authorize has committed; INSERT + NOTIFY is a one-row INSERT and that NOTIFY in one statement, the floor's shape; INSERT alone is the baseline. A notifying commit holds a lock global to the server (PreCommit_Notify) until it is done, so notifying commits run one at a time.`,
    "",
    "| row | publishers | NOTIFY alone | INSERT + NOTIFY, one transaction | INSERT alone (baseline) |",
    "|---|---|---|---|---|",
    ...notifyRows("pg-notify-test", notify.test),
    ...notifyRows("pg-notify-durable", notify.durable),
    "",
    `Test server (\`pg-notify-test-*\`): at most **${notify.test.maxNotifyAlonePerSecond}** NOTIFY-alone and **${notify.test.maxWriteAndNotifyPerSecond}** INSERT + NOTIFY commits/s (90% of the latter from ${notify.test.writeAndNotifySaturatedAt} publisher(s) on). Durable server (\`pg-notify-durable-*\`: fsync and synchronous_commit on, as in production): at most **${notify.durable.maxNotifyAlonePerSecond}** NOTIFY-alone and **${notify.durable.maxWriteAndNotifyPerSecond}** INSERT + NOTIFY commits/s (90% of the latter from ${notify.durable.writeAndNotifySaturatedAt} publisher(s) on; past that, each publisher added only lengthens every notifying commit).`,
    "",
    `**NOTIFY to many instances** (test server): 4 publishers send NOTIFY alone for ${notify.test.secondsPerPoint} s while more and more sessions LISTEN (one per instance). One channel: Postgres delivers each notification to each session. Sharded: each session on a channel of its own, each NOTIFY to one of them in turn (delivered = the least share of its own notifications a session received). Commit latency in ms, median / p99.`,
    "",
    "| row | listening sessions | channels | NOTIFY commits/s | delivered | commit ms | Postgres CPU µs / NOTIFY |",
    "|---|---|---|---|---|---|---|",
    ...notify.fanOut.map(
      (point) =>
        `| \`pg-fanout-${point.sharded ? "sharded-" : ""}${point.listeners}\` | ${point.listeners} | ${point.sharded ? `${point.listeners}, one per session` : "1"} | ${point.notifiesPerSecond} | ${point.delivered} | ${latency(point.commitMs)} | ${point.postgresCpuUsPerNotify} |`,
    ),
    "",
  ];
}
