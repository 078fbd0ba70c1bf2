/**
 * Server SDK: cold import time in a fresh Node process against @loginid/node-sdk, and the
 * per-call overhead of generateCode (token signing, validation, conversion) over a raw fetch of
 * the same request with a token signed the same way.
 */
import { createServerClient } from "@handoff/server";
import { importTime } from "./lib/import-time.ts";
import type { BenchService } from "./lib/service-process.ts";
import { ratio, type Summary, summarize } from "./lib/stats.ts";

export interface ServerSdkResult {
  coldImportMs: { handoff: Summary; loginid: Summary; baseline: Summary; ratioVsLoginid: number };
  generateCodeMs: { sdk: Summary; rawFetch: Summary; ratio: number };
}

export async function benchServerSdk(
  service: BenchService,
  privateKeyPem: string,
  runs: number,
  calls: number,
): Promise<ServerSdkResult> {
  const handoff = importTime(["@handoff/server"], runs);
  const loginid = importTime(["@loginid/node-sdk"], runs);
  const baseline = importTime([], runs);

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
