import { expect, it } from "vitest";
import { BACKOFF_MAX_MS, backoffDelayMs } from "./backoff.js";

it("doubles from 0.5 s to a cap of 8 s, within the upper half of each step", () => {
  const low = [1, 2, 3, 4, 5, 6, 10].map((n) => backoffDelayMs(n, () => 0));
  const high = [1, 2, 3, 4, 5, 6, 10].map((n) => backoffDelayMs(n, () => 0.999_999));
  expect(low).toEqual([250, 500, 1_000, 2_000, 4_000, 4_000, 4_000]);
  expect(high.map(Math.round)).toEqual([500, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
});

it("stays within bounds with real randomness", () => {
  for (let failures = 1; failures < 40; failures++) {
    const delay = backoffDelayMs(failures);
    expect(delay).toBeGreaterThanOrEqual(250);
    expect(delay).toBeLessThanOrEqual(BACKOFF_MAX_MS);
  }
});
