import { describe, expect, it } from "vitest";
import type { LogEntry } from "../logger.js";
import type { PurgeCounts } from "./purge.js";
import { EXPIRED_CODE_RETENTION_MS, startPurgeTimer } from "./purge-timer.js";

const none: PurgeCounts = { codes: 0, challenges: 0, attempts: 0, nonces: 0, deviceAuthorizations: 0, rateLimits: 0 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("startPurgeTimer", () => {
  it("never runs two purges at once, logs counts only when rows went, and stops after the running one", async () => {
    const logs: LogEntry[] = [];
    const calls: [number, number][] = [];
    let finish: (counts: PurgeCounts) => void = () => {};
    const storage = {
      purgeExpired(now: Date, codeRetentionMs: number) {
        calls.push([now.getTime(), codeRetentionMs]);
        return new Promise<PurgeCounts>((resolve) => {
          finish = resolve;
        });
      },
    };
    const stop = startPurgeTimer(storage, { intervalMs: 10, now: () => new Date(42), logger: (e) => logs.push(e) });

    await expect.poll(() => calls.length).toBe(1);
    await sleep(50); // five ticks while the first purge runs: all skipped
    expect(calls).toEqual([[42, EXPIRED_CODE_RETENTION_MS]]);
    finish(none);
    await expect.poll(() => calls.length).toBe(2);
    expect(logs).toEqual([]);
    finish({ ...none, challenges: 3 });
    await expect.poll(() => logs).toEqual([{ level: "info", msg: "expired rows purged", ...none, challenges: 3 }]);
    await expect.poll(() => calls.length).toBe(3);

    let stopped = false;
    const stopping = stop().then(() => {
      stopped = true;
    });
    await sleep(20);
    expect(stopped).toBe(false);
    const callsAtStop = calls.length;
    finish(none);
    await stopping;
    await sleep(30);
    expect(calls.length).toBe(callsAtStop);
  });

  it("logs a failed purge as a warning and tries again at the next tick", async () => {
    const logs: LogEntry[] = [];
    let calls = 0;
    const storage = {
      async purgeExpired(): Promise<PurgeCounts> {
        calls++;
        throw new Error("database is locked");
      },
    };
    const stop = startPurgeTimer(storage, { intervalMs: 10, now: () => new Date(), logger: (e) => logs.push(e) });
    await expect.poll(() => calls).toBeGreaterThan(1);
    await stop();
    expect(logs[0]).toEqual({ level: "warn", msg: "expired rows not purged", error: "Error: database is locked" });
  });
});
