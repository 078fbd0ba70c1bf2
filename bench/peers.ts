/**
 * Peers (issue 17, goal 2): Handoff's full cycle next to the RFC 8628 device flows of
 * oidc-provider and better-auth (deviceAuthorization plugin), each server in its own process on
 * 127.0.0.1, all measured in the same run: cycles per second at a fixed concurrency, approve →
 * token latency (the peers polling at their interval and at 1 s; Handoff's held wait), cold
 * import, and the device-side browser bundle.
 *
 * A Handoff cycle is generate + wait + authorize → JWT (lib/handoff-cycle.ts), the wait held
 * while the authorize runs. A peer's cycle is device authorization, then the signed-in
 * approver's approval requests, then one token request: the token is redeemed only after the
 * approval (a device polling at 1 s cannot be fast), so the peers' cycle holds no wait.
 */
import { CORE_BUDGET_BYTES, measure, rowsOf, scenarios } from "../packages/browser/scripts/size.mjs";
import { createCycleUsers, HANDOFF_REQUESTS_PER_CYCLE, handoffCycle } from "./lib/handoff-cycle.ts";
import { importTime } from "./lib/import-time.ts";
import { type ApproveToToken, approveToToken } from "./lib/peers/approve-to-token.ts";
import { startBetterAuthPeer } from "./lib/peers/better-auth-peer.ts";
import type { DeviceFlowPeer } from "./lib/peers/device-flow-peer.ts";
import { startOidcProviderPeer } from "./lib/peers/oidc-provider-peer.ts";
import { cpuSeconds } from "./lib/process-cpu.ts";
import { runFor } from "./lib/run-for.ts";
import { type BenchService, startBenchService } from "./lib/service-process.ts";
import { ratio, type Summary, summarize } from "./lib/stats.ts";

/** Sizes of one peers run. */
export interface PeersSizes {
  /** Concurrent workers for cycles/s. */
  concurrency: number;
  /** Length of one timed round, s. */
  seconds: number;
  /** Timed rounds per system, interleaved (Handoff, oidc-provider, better-auth, Handoff, …). */
  rounds: number;
  /** Untimed cycles per system per worker before the first round (JIT, caches). */
  warmUpCycles: number;
  /** Approve → token samples per peer and interval. */
  latencySamples: number;
  /** Approve → JWT samples for Handoff's held wait. */
  handoffLatencySamples: number;
  /** Fresh processes per cold import. */
  importRuns: number;
}

/** Bytes an app ships, esbuild minified (+ gzip). */
export interface BundleBytes {
  minBytes: number;
  gzipBytes: number;
}

/** One peer's figures, each with Handoff's over it. */
export interface PeerFigures {
  name: string;
  requestsPerCycle: number;
  /** What the approval is, in words. */
  approval: string;
  cyclesPerSecond: number;
  /** Cycles/s of each round. */
  roundsCyclesPerSecond: number[];
  /** Handoff's cycles/s over this peer's. */
  handoffOverPeer: number;
  /** The peer's server process CPU time per cycle, ms. */
  serverCpuMsPerCycle: number;
  /** Cycles per server CPU-second, Handoff's over the peer's (the peer's CPU per cycle over Handoff's). */
  handoffOverPeerPerCpu: number;
  /** Issue 17's goal for handoffOverPeer. */
  goal: number;
  /** Approve → token at the interval the peer advertises (RFC 8628's 5 s when it advertises none). */
  atAdvertisedInterval: ApproveToToken;
  /** Approve → token, the device polling every second, and on which server configuration. */
  atOneSecond: ApproveToToken & { note: string };
  /** What the cold import imports. */
  importSpecifiers: string[];
  coldImportMs: Summary;
  /** Device-side browser bundle, or why there is none. */
  bundle: (BundleBytes & { imports: string }) | { none: string };
}

/** What the peers section adds to results.json; every ratio is Handoff's over the peer's. */
export interface PeersResult {
  concurrency: number;
  seconds: number;
  rounds: number;
  handoff: {
    requestsPerCycle: number;
    cyclesPerSecond: number;
    roundsCyclesPerSecond: number[];
    /** The service process's CPU time per cycle, ms (every thread; measured over all rounds). */
    serverCpuMsPerCycle: number;
    /** Authorize returned → JWT at the held wait, ms. */
    approveToJwtMs: Summary;
    coldImportMs: { server: Summary; service: Summary };
    bundleCore: BundleBytes & { imports: string; budgetBytes: number };
  };
  coldImportBaselineMs: Summary;
  peers: PeerFigures[];
}

/** Issue 17, goal 2: Handoff's cycles/s over each peer's. */
const GOALS = { oidcProvider: 1.5, betterAuth: 3 } as const;

const BETTER_AUTH_CLIENT = `import { createAuthClient } from "better-auth/client";
import { deviceAuthorizationClient } from "better-auth/client/plugins";
const client = createAuthClient({ baseURL: "https://auth.example.com", plugins: [deviceAuthorizationClient()] });
export const run = async () => {
  const { data } = await client.device.code({ client_id: "id" });
  return client.device.token({ grant_type: "urn:ietf:params:oauth:grant-type:device_code", device_code: data?.device_code ?? "", client_id: "id" });
};`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: readonly number[]) => summarize(values).median;

/** One peer cycle from `worker`'s approver: device authorization, approval, token. */
async function peerCycle(peer: DeviceFlowPeer, worker: number): Promise<void> {
  const device = await peer.authorizeDevice();
  await peer.approve(worker, device.userCode);
  if (!(await peer.redeem(device.deviceCode))) throw new Error(`${peer.name}: approved code still pending`);
}

/** Authorize returned → JWT at a wait held since before the authorize, like wake-up.ts. */
async function handoffApproveToJwt(service: BenchService, samples: number): Promise<Summary> {
  const [user] = await createCycleUsers(service, 1, "peers-wake");
  if (!user) throw new Error("no user");
  const latencies: number[] = [];
  for (let i = 0; i < samples; i++) {
    const code = await service.generate(user.userId);
    let receivedAt = 0;
    const waiting = service.wait(user.username, code).then(async (response) => {
      await response.arrayBuffer();
      receivedAt = performance.now();
      if (response.status !== 200) throw new Error(`wait answered ${response.status}`);
    });
    await sleep(15); // the wait is held by now
    const authorized = await service.authorize(user.userId, code);
    await authorized.arrayBuffer();
    const returnedAt = performance.now();
    await waiting;
    latencies.push(Math.max(0, receivedAt - returnedAt));
  }
  return summarize(latencies);
}

/**
 * Starts Handoff's service, oidc-provider, and two better-auth servers (5 s and 1 s intervals),
 * each in its own process, measures them all, and stops them.
 *
 * @example
 * const result = await benchPeers({ concurrency: 16, seconds: 3, rounds: 5, warmUpCycles: 10,
 *   latencySamples: 16, handoffLatencySamples: 100, importRuns: 15 });
 */
export async function benchPeers(sizes: PeersSizes): Promise<PeersResult> {
  const { concurrency, seconds, rounds, latencySamples } = sizes;
  const service = await startBenchService();
  const oidc = await startOidcProviderPeer();
  const betterAuth = await startBetterAuthPeer("5s");
  // A second better-auth, advertising (and enforcing) 1 s: polling its default one at 1 s only
  // earns `slow_down` until 5 s have passed since the last poll.
  const betterAuthOneSecond = await startBetterAuthPeer("1s");
  try {
    const users = await createCycleUsers(service, concurrency, "peers");
    // Approvers 0…concurrency-1 run the cycles; the latency samples sign in their own afterwards
    // (oidc-provider's in-memory adapter is an LRU of 1,000 entries: sessions idle through the
    // cycles would be gone).
    await oidc.signInApprovers(concurrency);
    await betterAuth.signInApprovers(concurrency);

    const systems = [
      {
        name: "handoff",
        pid: service.pid,
        cycle: (worker: number) => handoffCycle(service, users[worker] as (typeof users)[number]),
      },
      { name: "oidc", pid: oidc.pid, cycle: (worker: number) => peerCycle(oidc, worker) },
      { name: "betterAuth", pid: betterAuth.pid, cycle: (worker: number) => peerCycle(betterAuth, worker) },
    ];
    for (const system of systems) {
      await Promise.all(
        Array.from({ length: concurrency }, async (_, worker) => {
          for (let i = 0; i < sizes.warmUpCycles; i++) await system.cycle(worker);
        }),
      );
    }
    const perRound: Record<string, number[]> = { handoff: [], oidc: [], betterAuth: [] };
    // The server's own CPU time over all its rounds, and the cycles it served: the work one cycle
    // costs the server, whatever the load generator (same machine) costs.
    const serverCpu: Record<string, { ms: number; cycles: number }> = {};
    for (let round = 0; round < rounds; round++) {
      for (const system of systems) {
        const spent = serverCpu[system.name] ?? { ms: 0, cycles: 0 };
        serverCpu[system.name] = spent;
        const before = cpuSeconds(system.pid) * 1000;
        const cycle = async (worker: number) => {
          await system.cycle(worker);
          spent.cycles += 1;
        };
        perRound[system.name]?.push(Math.round(await runFor(seconds, concurrency, cycle)));
        spent.ms += cpuSeconds(system.pid) * 1000 - before;
      }
    }
    const cpuMsPerCycle = (name: string) => {
      const spent = serverCpu[name];
      return spent && spent.cycles > 0 ? Math.round((spent.ms / spent.cycles) * 100) / 100 : 0;
    };
    const handoffRounds = perRound.handoff ?? [];
    const handoffCycles = median(handoffRounds);

    await oidc.signInApprovers(concurrency + 2 * latencySamples);
    await betterAuth.signInApprovers(concurrency + latencySamples);
    await betterAuthOneSecond.signInApprovers(latencySamples);
    // The latency samples wait on timers, not on work: all four sets run at once.
    const [oidcAdvertised, oidcOneSecond, betterAuthAdvertised, betterAuthOneSecondLatency] = await Promise.all([
      approveToToken(oidc, "advertised", latencySamples, concurrency),
      approveToToken(oidc, 1, latencySamples, concurrency + latencySamples),
      approveToToken(betterAuth, "advertised", latencySamples, concurrency),
      approveToToken(betterAuthOneSecond, 1, latencySamples, 0),
    ]);
    const approveToJwtMs = await handoffApproveToJwt(service, sizes.handoffLatencySamples);

    const importRuns = sizes.importRuns;
    const oidcImports = ["oidc-provider"];
    const betterAuthImports = ["better-auth", "better-auth/plugins/device-authorization"];
    const coldImportBaselineMs = summarize(importTime([], importRuns));
    const serverImport = summarize(importTime(["@handoff/server"], importRuns));
    const serviceImport = summarize(importTime(["@handoff/service"], importRuns));
    const oidcImport = summarize(importTime(oidcImports, importRuns));
    const betterAuthImport = summarize(importTime(betterAuthImports, importRuns));

    const coreScenario = scenarios[0];
    if (!coreScenario) throw new Error("no core scenario");
    const [coreRow] = rowsOf(coreScenario, await measure(coreScenario.code, import.meta.dirname));
    if (!coreRow) throw new Error("no core row");
    const betterAuthBundle = await measure(BETTER_AUTH_CLIENT, import.meta.dirname);

    const oidcCycles = median(perRound.oidc ?? []);
    const betterAuthCycles = median(perRound.betterAuth ?? []);
    return {
      concurrency,
      seconds,
      rounds,
      handoff: {
        requestsPerCycle: HANDOFF_REQUESTS_PER_CYCLE,
        cyclesPerSecond: handoffCycles,
        roundsCyclesPerSecond: handoffRounds,
        serverCpuMsPerCycle: cpuMsPerCycle("handoff"),
        approveToJwtMs,
        coldImportMs: { server: serverImport, service: serviceImport },
        bundleCore: {
          imports: coreRow.name.trim(),
          minBytes: coreRow.minBytes,
          gzipBytes: coreRow.gzipBytes,
          budgetBytes: CORE_BUDGET_BYTES,
        },
      },
      coldImportBaselineMs,
      peers: [
        {
          name: oidc.name,
          requestsPerCycle: oidc.requestsPerCycle,
          approval: oidc.approval,
          cyclesPerSecond: oidcCycles,
          roundsCyclesPerSecond: perRound.oidc ?? [],
          handoffOverPeer: ratio(handoffCycles, oidcCycles),
          goal: GOALS.oidcProvider,
          serverCpuMsPerCycle: cpuMsPerCycle("oidc"),
          handoffOverPeerPerCpu: ratio(cpuMsPerCycle("oidc"), cpuMsPerCycle("handoff")),
          atAdvertisedInterval: oidcAdvertised,
          atOneSecond: {
            ...oidcOneSecond,
            note: "the same server: oidc-provider neither advertises an interval nor answers slow_down",
          },
          importSpecifiers: oidcImports,
          coldImportMs: oidcImport,
          bundle: { none: "no browser client: a device speaks plain OAuth 2.0 HTTP to it" },
        },
        {
          name: betterAuth.name,
          requestsPerCycle: betterAuth.requestsPerCycle,
          approval: betterAuth.approval,
          cyclesPerSecond: betterAuthCycles,
          roundsCyclesPerSecond: perRound.betterAuth ?? [],
          handoffOverPeer: ratio(handoffCycles, betterAuthCycles),
          goal: GOALS.betterAuth,
          serverCpuMsPerCycle: cpuMsPerCycle("betterAuth"),
          handoffOverPeerPerCpu: ratio(cpuMsPerCycle("betterAuth"), cpuMsPerCycle("handoff")),
          atAdvertisedInterval: betterAuthAdvertised,
          atOneSecond: {
            ...betterAuthOneSecondLatency,
            note: 'a second server with the plugin\'s `interval: "1s"`: at its default 5 s it answers slow_down to faster polls',
          },
          importSpecifiers: betterAuthImports,
          coldImportMs: betterAuthImport,
          bundle: {
            imports: "createAuthClient + deviceAuthorizationClient (better-auth/client)",
            minBytes: betterAuthBundle.minBytes,
            gzipBytes: betterAuthBundle.gzipBytes,
          },
        },
      ],
    };
  } finally {
    await Promise.all([service.stop(), oidc.stop(), betterAuth.stop(), betterAuthOneSecond.stop()]);
  }
}
