/** Renders bench results as the readable bench/RESULTS.md. */
import type { AuthorizeFloorResult } from "./authorize-floor.ts";
import type { BundleSizeResult } from "./bundle-size.ts";
import type { ConcurrentWaitsResult } from "./concurrent-waits.ts";
import { ratio, type Summary } from "./lib/stats.ts";
import type { MultiInstanceResult } from "./multi-instance.ts";
import type { PeersResult } from "./peers.ts";
import type { PostgresResult } from "./postgres.ts";
import { renderPostgres } from "./report-postgres.ts";
import type { ServerSdkResult } from "./server-sdk.ts";
import type { ThroughputResult } from "./throughput.ts";
import type { WakeUpResult } from "./wake-up.ts";

const row = (name: string, s: Summary) => `| ${name} | ${s.n} | ${s.min} | ${s.median} | ${s.p99} | ${s.max} |`;

export function renderMarkdown(results: Record<string, unknown>): string {
  const machine = results.machine as Record<string, unknown>;
  const lines = [
    "# Benchmark results",
    "",
    `${machine.date} · Node ${machine.node} · ${machine.cpu} × ${machine.cores} · ${machine.memoryGiB} GiB · ${machine.mode} run`,
    "",
    "Every figure comes with its baseline, measured in the same run on the same machine. See README.md for what each means.",
    "",
  ];
  const rerun = results.rerun as { date: string; mode: string; sections: string[] } | undefined;
  if (rerun) {
    lines.splice(
      4,
      0,
      `Sections re-run on their own since (\`--only\`), ${rerun.date}, ${rerun.mode} sizes: ${rerun.sections.join(", ")}; the rest is from the run above.`,
      "",
    );
  }
  const wake = results.wakeUp as WakeUpResult | undefined;
  if (wake) {
    lines.push(
      "## 1. Wake-up latency (ms)",
      "",
      "| measure | n | min | median | p99 | max |",
      "|---|---|---|---|---|---|",
      row("bare loopback round trip (baseline)", wake.roundTrip),
      row("authorize sent → JWT received", wake.authorizeToJwt),
      row("authorize returned → JWT received", wake.afterAuthorizeReturns),
      row("client polling every 1 s", wake.pollingClient),
      "",
      `Target (the issue's measure, from \`authorizeCode\` returning to the JWT at the waiting client): p99 over a bare round trip's p99 = **${wake.p99Ratio}×** (target ≤ 2×). Including the authorize request itself (one round trip with a signature check and writes): **${wake.p99RatioWithAuthorize}×**.`,
      "",
    );
  }
  const concurrent = results.concurrentWaits as ConcurrentWaitsResult[] | undefined;
  if (concurrent) {
    lines.push(
      "## 2. Concurrent waits",
      "",
      "| waits | errors | RSS before (MiB) | RSS held (MiB) | per wait (KiB) | release all (ms) | same number of bare round trips (ms) | ratio |",
      "|---|---|---|---|---|---|---|---|",
      ...concurrent.map(
        (r) =>
          `| ${r.waits} | ${r.errors}${
            r.errors > 0
              ? ` (${Object.entries(r.errorKinds)
                  .map(([kind, n]) => `${kind}: ${n}`)
                  .join(", ")})`
              : ""
          } | ${r.rssBeforeMiB} | ${r.rssHeldMiB} | ${r.rssPerWaitKiB} | ${r.releaseMs} | ${r.baselineMs} | ${r.releaseRatio}× |`,
      ),
      "",
      "Releasing includes one authorize request per wait; the baseline sends the same number of bare requests at the same concurrency (200).",
      "",
      "The service's live heap, read through its inspector after a full collection (goals: RSS per held wait ≤ 10 KiB at 10,000 waits; a second after the waits end, the heap within 10% of where it started, i.e. ≤ 1.1×):",
      "",
      "| waits | heap before (MiB) | heap held (MiB) | heap per wait (KiB) | heap after the waits (MiB) | after over before |",
      "|---|---|---|---|---|---|",
      ...concurrent.flatMap((r) =>
        r.heap
          ? [
              `| ${r.waits} | ${r.heap.beforeMiB} | ${r.heap.heldMiB} | ${r.heap.perWaitKiB} | ${r.heap.afterMiB} | ${r.heap.afterOverBefore}× |`,
            ]
          : [],
      ),
      "",
    );
  }
  const throughput = results.throughput as ThroughputResult | undefined;
  if (throughput) {
    lines.push(
      "## 3. Throughput (SQLite file)",
      "",
      "| concurrency | seconds | generate + authorize + wait cycles/s | bare round trips/s (baseline) | ratio |",
      "|---|---|---|---|---|",
      `| ${throughput.concurrency} | ${throughput.seconds} | ${throughput.cyclesPerSecond} | ${throughput.roundTripsPerSecond} | ${throughput.ratio} |`,
      "",
      "A cycle is three requests (two with a service-token signature check), so a ratio near 1/3 means the service adds little over bare HTTP.",
      "",
    );
  }
  const floor = results.authorizeFloor as AuthorizeFloorResult | undefined;
  if (floor) {
    lines.push(
      "## 3b. Authorize against its floor (SQLite file)",
      "",
      `Concurrency ${floor.concurrency}, ${floor.seconds} s each, in ${floor.rounds} interleaved rounds (Handoff, floor, Handoff, …). The floor (lib/floor-server.ts) is Hono + one jose ES256 verify + one node:sqlite transaction of four writes (WAL, synchronous=NORMAL), in its own process like the service.`,
      "",
      "| measure | requests/s | n | min | median | p99 | max |",
      "|---|---|---|---|---|---|---|",
      `| floor (baseline) | ${floor.floor.requestsPerSecond} ${row("", floor.floor.latencyMs).slice(3)}`,
      `| Handoff \`POST …/codes/short/authorize\` | ${floor.handoff.requestsPerSecond} ${row("", floor.handoff.latencyMs).slice(3)}`,
      "",
      `Requests/s over the floor: **${floor.throughputRatio}×** (goal ≥ 0.8×); latency over the floor's: p50 **${floor.p50Ratio}×**, p99 **${floor.p99Ratio}×** (goal ≤ 1.3×).`,
      "",
    );
  }
  const multi = results.multiInstance as MultiInstanceResult | undefined;
  if (multi) {
    lines.push(
      "## 6. Two instances on Postgres (ms)",
      "",
      "| measure | n | min | median | p99 | max |",
      "|---|---|---|---|---|---|",
      row("bare round trip (baseline)", multi.roundTrip),
      row("authorize on one instance, wait and JWT on the same (baseline)", multi.sameInstance),
      row("authorize on instance 1 → JWT at the wait held by instance 2", multi.crossInstance),
      "",
      `p99 cross-instance over same-instance: **${multi.p99RatioCrossVsSame}×** (the difference is one LISTEN/NOTIFY hop).`,
      "",
      `${multi.concurrent.waits} waits held by instance 2, released by authorizes on instance 1: ${multi.concurrent.errors} errors, ${multi.concurrent.releaseMs} ms; the same batch on one instance: ${multi.concurrent.sameInstanceReleaseMs} ms (**${multi.concurrent.ratio}×**).`,
      "",
    );
  }
  const postgres = results.postgres as PostgresResult | undefined;
  if (postgres) lines.push(...renderPostgres(postgres));
  const bundle = results.bundleSize as BundleSizeResult | undefined;
  if (bundle) {
    lines.push(
      "## 4. Browser bundle size (esbuild, minified, tree-shaken)",
      "",
      "| what the app imports | min (bytes) | min + gzip (bytes) |",
      "|---|---|---|",
      ...bundle.sizes.map((size) => `| ${size.entry} | ${size.minBytes} | ${size.gzipBytes} |`),
      "",
      `Core over @loginid/websdk3 (gzip): **${bundle.coreVsWebsdk3}×**; budget for the core: ${bundle.coreBudgetBytes} bytes gzip.`,
      "A row counts the app's entry chunk and every chunk it imports statically (code splitting on, each file gzipped on its own); rows marked ↳ lazy are the chunks the client fetches on the first call of a passkey or device-key method.",
      "",
    );
  }
  const sdk = results.serverSdk as ServerSdkResult | undefined;
  if (sdk) {
    lines.push(
      "## 5. Server SDK (ms)",
      "",
      "| measure | n | min | median | p99 | max |",
      "|---|---|---|---|---|---|",
      row("cold import, empty script (baseline)", sdk.coldImportMs.baseline),
      row("cold import @handoff/server", sdk.coldImportMs.handoff),
      row("cold import @loginid/node-sdk", sdk.coldImportMs.loginid),
      row("generateCode via the SDK", sdk.generateCodeMs.sdk),
      row("the same request by raw fetch (token signed the same way)", sdk.generateCodeMs.rawFetch),
      "",
      `Import, median, @handoff/server over @loginid/node-sdk: **${sdk.coldImportMs.ratioVsLoginid}×**. generateCode, median, SDK over raw fetch: **${sdk.generateCodeMs.ratio}×**.`,
      "",
    );
  }
  const peers = results.peers as PeersResult | undefined;
  if (peers) lines.push(...renderPeers(peers));
  return lines.join("\n");
}

/** A latency for the peers table: whole ms from 100 up. */
const latency = (value: number) => (value >= 100 ? String(Math.round(value)) : String(value));
const ms = (s: Summary) => `${latency(s.median)} / ${latency(s.p99)}`;

/** The peers section: Handoff's full cycle next to oidc-provider's and better-auth's device flows. */
function renderPeers(peers: PeersResult): string[] {
  const { handoff } = peers;
  type Peer = PeersResult["peers"][number];
  const cells = (render: (peer: Peer) => string) => peers.peers.map(render).join(" | ");
  const goal = (peer: Peer) =>
    `Handoff **${peer.handoffOverPeer}×** (goal ≥ ${peer.goal}×: ${peer.handoffOverPeer >= peer.goal ? "met" : "not met"})`;
  const advertised = (peer: Peer) =>
    peer.atAdvertisedInterval.advertised ? "advertised" : "none advertised: RFC 8628's default";
  return [
    "## 7. Peers: RFC 8628 device flows next to Handoff (issue 17, goal 2)",
    "",
    `Each server in its own process on 127.0.0.1, all measured in this run. Cycles/s: ${peers.concurrency} concurrent workers, ${peers.rounds} interleaved round(s) of ${peers.seconds} s per system after untimed warm-up cycles, median round. Latencies in ms, median / p99. Ratios in bold are Handoff's over the peer's.`,
    "",
    `| measure | Handoff | ${cells((peer) => peer.name)} |`,
    `|---|---|${cells(() => "---")}|`,
    `| **full cycles/s** (each round) | **${handoff.cyclesPerSecond}** (${handoff.roundsCyclesPerSecond.join(", ")}) | ${cells(
      (peer) => `**${peer.cyclesPerSecond}** (${peer.roundsCyclesPerSecond.join(", ")}) — ${goal(peer)}`,
    )} |`,
    `| server CPU per cycle, ms (the server process, every thread, over all rounds) | ${handoff.serverCpuMsPerCycle} | ${cells(
      (peer) =>
        `${peer.serverCpuMsPerCycle} — cycles per server CPU-second, Handoff over the peer: **${peer.handoffOverPeerPerCpu}×**`,
    )} |`,
    `| requests per cycle (requests/s) | ${handoff.requestsPerCycle}: generate, wait (held), authorize (${handoff.cyclesPerSecond * handoff.requestsPerCycle}) | ${cells(
      (peer) =>
        `${peer.requestsPerCycle}: device authorization; ${peer.approval}; token (${peer.cyclesPerSecond * peer.requestsPerCycle})`,
    )} |`,
    `| approve → token, at the advertised interval | ${ms(handoff.approveToJwtMs)} (authorize returned → JWT at the held wait, n ${handoff.approveToJwtMs.n}) | ${cells(
      (peer) =>
        `${ms(peer.atAdvertisedInterval.latencyMs)} (${peer.atAdvertisedInterval.intervalSeconds} s, ${advertised(peer)}; n ${peer.atAdvertisedInterval.latencyMs.n})`,
    )} |`,
    `| approve → token, polling every 1 s | — (no polling) | ${cells(
      (peer) => `${ms(peer.atOneSecond.latencyMs)} (${peer.atOneSecond.note}; n ${peer.atOneSecond.latencyMs.n})`,
    )} |`,
    `| cold import, median ms (empty script: ${peers.coldImportBaselineMs.median}) | \`@handoff/server\` ${handoff.coldImportMs.server.median}; \`@handoff/service\` ${handoff.coldImportMs.service.median} | ${cells(
      (peer) =>
        `${peer.coldImportMs.median} (${peer.importSpecifiers.map((specifier) => `\`${specifier}\``).join(" + ")}) — server SDK **${ratio(handoff.coldImportMs.server.median, peer.coldImportMs.median)}×**, service **${ratio(handoff.coldImportMs.service.median, peer.coldImportMs.median)}×**`,
    )} |`,
    `| device-side browser bundle, bytes min + gzip | ${handoff.bundleCore.gzipBytes} (${handoff.bundleCore.imports}) | ${cells(
      (peer) =>
        "none" in peer.bundle
          ? `— (${peer.bundle.none})`
          : `${peer.bundle.gzipBytes} (${peer.bundle.imports}) — Handoff **${ratio(handoff.bundleCore.gzipBytes, peer.bundle.gzipBytes)}×**`,
    )} |`,
    "",
    "A Handoff cycle holds a wait: the device's request is open while the backend authorizes, and the JWT comes back on it. A peer's cycle holds none: the approval runs first and the device then redeems its code with a single token request (a device polling at 1 s or 5 s could never be fast), so the peers' cycles/s is the most their device flow can do. Approvers sign in before anything is timed. How each peer is configured (rate limiter, logging, storage) is in README.md. Cycles/s includes the load generator on the same two cores, and Handoff's generator signs two ES256 service tokens per cycle (the backend's part, which the peers' flows do not have); server CPU per cycle is what each server itself spends, whatever its clients cost.",
    "",
  ];
}
