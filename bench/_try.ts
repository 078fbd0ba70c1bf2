import { benchAuthorizeFloor } from "./authorize-floor.ts";
import { startBenchService } from "./lib/service-process.ts";
const service = await startBenchService();
try {
  const r = await benchAuthorizeFloor(service, service.privateKeyJwk, Number(process.argv[2] ?? 3), 16, Number(process.argv[3] ?? 200));
  console.log(JSON.stringify({ h: r.handoff.requestsPerSecond, f: r.floor.requestsPerSecond, t: r.throughputRatio, p50: r.p50Ratio, p99: r.p99Ratio }));
} finally { await service.stop(); }
