import { describe, expect, it } from "vitest";
import { PURGE_BATCH_ROWS, type PurgedTable, purgeInBatches } from "./purge.js";

describe("purgeInBatches", () => {
  it("purges every table up to its cutoff, in batches until one comes back short", async () => {
    const backlog: Record<string, number> = {
      codes: 2 * PURGE_BATCH_ROWS + 3,
      challenges: PURGE_BATCH_ROWS,
      attempts: 7,
    };
    const calls: [string, number][] = [];
    const counts = await purgeInBatches(new Date(10_000_000), 3_600_000, async (purged: PurgedTable, cutoff, limit) => {
      calls.push([`${purged.table}.${purged.endsAt}`, cutoff]);
      const deleted = Math.min(limit, backlog[purged.table] ?? 0);
      backlog[purged.table] = (backlog[purged.table] ?? 0) - deleted;
      return deleted;
    });
    expect(counts).toEqual({
      codes: 2 * PURGE_BATCH_ROWS + 3,
      challenges: PURGE_BATCH_ROWS,
      attempts: 7,
      nonces: 0,
      deviceAuthorizations: 0,
      rateLimits: 0,
    });
    expect(calls).toEqual([
      ["codes.expires_at", 6_400_000],
      ["codes.expires_at", 6_400_000],
      ["codes.expires_at", 6_400_000],
      ["challenges.expires_at", 10_000_000],
      ["challenges.expires_at", 10_000_000],
      ["attempts.window_ends_at", 10_000_000],
      ["nonces.expires_at", 10_000_000],
      ["deviceAuthorizations.expires_at", 6_400_000],
    ]);
  });
});
