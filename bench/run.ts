/**
 * Runs every benchmark and writes bench/results.json and bench/RESULTS.md.
 *
 *   pnpm bench           full run (a few minutes)
 *   pnpm bench --smoke   tiny sizes: checks the benchmarks still run (CI)
 *   pnpm bench --only=peers[,…]   full sizes, the named sections only, merged into the last
 *                                 results.json (RESULTS.md says which sections were re-run when)
 *
 * Needs the packages built (`pnpm build`). Traffic goes to 127.0.0.1 only.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { benchAuthorizeFloor } from "./authorize-floor.ts";
import { benchBundleSize } from "./bundle-size.ts";
import { benchConcurrentWaits } from "./concurrent-waits.ts";
import { startBenchService } from "./lib/service-process.ts";
import { benchMultiInstance } from "./multi-instance.ts";
import { benchPeers } from "./peers.ts";
import { benchPostgres } from "./postgres.ts";
import { renderMarkdown } from "./report.ts";
import { benchServerSdk } from "./server-sdk.ts";
import { benchThroughput } from "./throughput.ts";
import { benchWakeUp } from "./wake-up.ts";

const smoke = process.argv.includes("--smoke");
const only = process.argv
  .find((arg) => arg.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",");
const sizes = smoke
  ? {
      wakeUp: 20,
      polling: 2,
      waits: [50, 200],
      throughputSeconds: 1,
      authorizeCodes: 20,
      importRuns: 2,
      sdkCalls: 10,
      crossInstance: 10,
      crossWaits: 50,
      postgres: {
        authorizeSeconds: 1,
        authorizeCodes: 20,
        concurrency: 4,
        cycleSeconds: 0.5,
        cycleRounds: 1,
        waits: 100,
        notifyPublishers: [1, 4],
        notifySeconds: 0.3,
        fanOutListeners: [2, 8],
        shardedListeners: [8],
      },
      peers: {
        concurrency: 4,
        seconds: 1,
        rounds: 1,
        warmUpCycles: 1,
        latencySamples: 2,
        handoffLatencySamples: 5,
        importRuns: 1,
      },
    }
  : {
      wakeUp: 500,
      polling: 20,
      waits: [1_000, 10_000],
      throughputSeconds: 5,
      authorizeCodes: 600,
      importRuns: 15,
      sdkCalls: 300,
      crossInstance: 300,
      crossWaits: 1_000,
      postgres: {
        authorizeSeconds: 6,
        authorizeCodes: 250,
        concurrency: 16,
        cycleSeconds: 3,
        cycleRounds: 3,
        waits: 10_000,
        notifyPublishers: [1, 2, 4, 8, 16, 32],
        notifySeconds: 2,
        fanOutListeners: [2, 8, 32, 64],
        shardedListeners: [8, 64],
      },
      peers: {
        concurrency: 16,
        seconds: 3,
        rounds: 5,
        warmUpCycles: 10,
        latencySamples: 16,
        handoffLatencySamples: 100,
        importRuns: 15,
      },
    };

const machine = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model ?? "unknown",
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  mode: smoke ? "smoke" : "full",
};

const results: Record<string, unknown> = { machine };

async function section<T>(name: string, run: () => Promise<T>): Promise<void> {
  if (only && !only.includes(name)) return;
  const started = performance.now();
  process.stderr.write(`› ${name}…`);
  results[name] = await run();
  process.stderr.write(` ${Math.round(performance.now() - started)} ms\n`);
}

await section("wakeUp", async () => {
  const service = await startBenchService();
  try {
    return await benchWakeUp(service, sizes.wakeUp, sizes.polling);
  } finally {
    await service.stop();
  }
});

await section("concurrentWaits", async () => {
  const runs = [];
  for (const waits of sizes.waits) {
    const service = await startBenchService({ inspect: true });
    try {
      runs.push(await benchConcurrentWaits(service, waits));
    } finally {
      await service.stop();
    }
  }
  return runs;
});

await section("throughput", async () => {
  const service = await startBenchService();
  try {
    return await benchThroughput(service, sizes.throughputSeconds, 16);
  } finally {
    await service.stop();
  }
});

await section("authorizeFloor", async () => {
  const service = await startBenchService();
  try {
    return await benchAuthorizeFloor(service, service.privateKeyJwk, sizes.throughputSeconds, 16, sizes.authorizeCodes);
  } finally {
    await service.stop();
  }
});

await section("multiInstance", () => benchMultiInstance(sizes.crossInstance, sizes.crossWaits));

await section("postgres", () => benchPostgres(sizes.postgres));

await section("bundleSize", benchBundleSize);

await section("serverSdk", async () => {
  const service = await startBenchService();
  try {
    return await benchServerSdk(service, service.privateKeyPem, sizes.importRuns, sizes.sdkCalls);
  } finally {
    await service.stop();
  }
});

await section("peers", () => benchPeers(sizes.peers));

const out = new URL(smoke ? "./results.smoke.json" : "./results.json", import.meta.url);
if (only && existsSync(out)) {
  // A partial run: the other sections (and the machine line) stay those of the last run.
  const previous = JSON.parse(readFileSync(out, "utf8")) as Record<string, unknown>;
  Object.assign(previous, results, { machine: previous.machine, rerun: { ...machine, sections: only } });
  Object.assign(results, previous);
}
// Arrays of numbers on one line, as the formatter (biome) writes them.
const json = JSON.stringify(results, null, 2).replace(
  /\[\s+(-?[\d.]+(?:,\s+-?[\d.]+)*)\s+\]/g,
  (_, numbers: string) => `[${numbers.split(/,\s+/).join(", ")}]`,
);
writeFileSync(out, `${json}\n`);
if (!smoke) writeFileSync(new URL("./RESULTS.md", import.meta.url), renderMarkdown(results));
process.stdout.write(`${renderMarkdown(results)}\n`);
