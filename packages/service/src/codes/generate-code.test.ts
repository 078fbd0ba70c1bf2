import { normalizeCode } from "@handoff/types";
import { describe, expect, it } from "vitest";
import { CODE_SPACE, generateCode, LONG_CODE_ALPHABET } from "./generate-code.js";
import { randomInt } from "./random-int.js";
import { WORDS } from "./words.js";

describe("generateCode", () => {
  it("short: six digits", () => {
    for (let i = 0; i < 200; i++) expect(generateCode("short")).toMatch(/^\d{6}$/);
  });
  it("long: sixteen characters of the base-20 alphabet", () => {
    for (let i = 0; i < 200; i++) expect(generateCode("long")).toMatch(/^[BCDFGHJKLMNPQRSTVWXZ]{16}$/);
    expect(new Set(LONG_CODE_ALPHABET).size).toBe(20);
  });
  it("phrase: a listed word then digits, 6–10 characters", () => {
    const words = new Set(WORDS);
    for (let i = 0; i < 500; i++) {
      const code = generateCode("phrase");
      const [, word, digits] = code.match(/^([a-z]+)(\d+)$/) ?? [];
      expect(words.has(word ?? "")).toBe(true);
      expect(digits?.length).toBeGreaterThanOrEqual(2);
      expect(code.length).toBeGreaterThanOrEqual(6);
      expect(code.length).toBeLessThanOrEqual(10);
    }
  });
  it("codes are already in normalised form (long codes compare case-insensitively)", () => {
    for (const type of ["short", "phrase"] as const) {
      const code = generateCode(type);
      expect(normalizeCode(code)).toBe(code);
    }
    const long = generateCode("long");
    expect(normalizeCode(long)).toBe(long.toLowerCase());
  });
  it("spaces: at least 2,000 words, and each type's entropy as documented", () => {
    expect(WORDS.length).toBeGreaterThanOrEqual(2000);
    expect(new Set(WORDS).size).toBe(WORDS.length);
    expect(Math.log2(CODE_SPACE.short)).toBeCloseTo(19.93, 2);
    expect(Math.log2(CODE_SPACE.long)).toBeCloseTo(69.15, 2);
    expect(Math.log2(CODE_SPACE.phrase)).toBeGreaterThan(20.9);
  });
});

describe("randomInt", () => {
  it("is uniform: chi-square over 6 buckets stays under the 0.1% critical value", () => {
    const buckets = new Array<number>(6).fill(0);
    const n = 60_000;
    for (let i = 0; i < n; i++) buckets[randomInt(6)]! += 1;
    const expected = n / 6;
    const chi = buckets.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
    expect(chi).toBeLessThan(20.52); // df = 5, p = 0.001
  });
  it("has no modulo bias for a bound that does not divide 2^32", () => {
    // 3·2^30 leaves 2^30 values over; without rejection, the lowest third would be drawn twice as often.
    const max = 3 * 2 ** 30;
    let low = 0;
    const n = 30_000;
    for (let i = 0; i < n; i++) if (randomInt(max) < 2 ** 30) low += 1;
    expect(low / n).toBeGreaterThan(0.3);
    expect(low / n).toBeLessThan(0.367);
  });
  it("rejects bad bounds", () => {
    expect(() => randomInt(0)).toThrow(RangeError);
    expect(() => randomInt(1.5)).toThrow(RangeError);
  });
});
