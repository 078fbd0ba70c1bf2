/**
 * Server SDK: cold import time in a fresh Node process against @loginid/node-sdk, and the
 * per-call overhead of generateCode (token signing, validation, conversion) over a raw fetch of
 * the same request with a token signed the same way.
 */
import { execFileSync } from "node:child_process";
import { createServerClient } from "@handoff/server";
import type { BenchService } from "./lib/service-process.ts";
import { ratio, type Summary, summarize } from "./lib/stats.ts";

export interface ServerSdkResult {
  coldImportMs: { handoff: Summary; loginid: Summary; baseline: Summary; ratioVsLoginid: number };
  generateCodeMs: { sdk: Summary; rawFetch: Summary; ratio: number };
}

function importTime(specifier: string, runs: number): number[] {
  const times: number[] = [];
  const script = specifier
    ? `const t = performance.now(); await import(${JSON.stringify(specifier)}); console.log(performance.now() - t);`
    : "const t = performance.now(); console.log(performance.now() - t);";
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: import.meta.dirname,
      encoding: "utf8",
    });
    times.push(Number(out.trim()));
  }
  return times;
}

export async function benchServerSdk(
  service: BenchService,
  privateKeyPem: string,
  runs: number,
  calls: number,
): Promise<ServerSdkResult> {
  const handoff = importTime("@handoff/server", runs);
  const loginid = importTime("@loginid/node-sdk", runs);
  const baseline = importTime("", runs);

  const userId = await service.createUser(`sdk-${crypto.randomUUID()}@bench.local`);
  const client = createServerClient({ baseUrl: service.url, clientId: service.clientId, privateKey: privateKeyPem });
  const sdk: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < calls; i++) {
    let started = performance.now();
    await client.generateCode({ userId, codeType: "short", purpose: "temporary_authentication" });
    sdk.push(performance.now() - started);
    started = performance.now();
    await service.generate(userId);
    raw.push(performance.now() - started);
  }
  const handoffSummary = summarize(handoff);
  const loginidSummary = summarize(loginid);
  const sdkSummary = summarize(sdk);
  const rawSummary = summarize(raw);
  return {
    coldImportMs: {
      handoff: handoffSummary,
      loginid: loginidSummary,
      baseline: summarize(baseline),
      ratioVsLoginid: ratio(handoffSummary.median, loginidSummary.median),
    },
    generateCodeMs: { sdk: sdkSummary, rawFetch: rawSummary, ratio: ratio(sdkSummary.median, rawSummary.median) },
  };
}
