import { describe, expect, it } from "vitest";
import { CODE_SPACE, generateCode, LONG_CODE_ALPHABET } from "../../src/codes/generate-code.js";
import { WORDS } from "../../src/codes/words.js";

/**
 * Upper critical value of the chi-square distribution with `df` degrees of freedom at p = 10^-5
 * (Wilson–Hilferty approximation, z = 4.265): a uniform generator fails this test once in 100,000
 * runs, while a modulo bias of a few percent per symbol exceeds it several times over.
 */
function chiSquareCritical(df: number): number {
  const z = 4.265;
  return df * (1 - 2 / (9 * df) + z * Math.sqrt(2 / (9 * df))) ** 3;
}

/** Chi-square statistic of observed counts against expected counts. */
function chiSquare(observed: number[], expected: number[]): number {
  return observed.reduce((sum, count, i) => sum + (count - (expected[i] as number)) ** 2 / (expected[i] as number), 0);
}

/** Per-position counts of symbols: one chi-square over every position (their sum has summed df). */
function positionsChiSquare(codes: string[], alphabet: string, length: number) {
  let statistic = 0;
  for (let position = 0; position < length; position++) {
    const counts = new Array<number>(alphabet.length).fill(0);
    for (const code of codes) {
      const index = alphabet.indexOf(code[position] as string);
      if (index < 0) throw new Error(`${code}: ${code[position]} is not in ${alphabet}`);
      counts[index] = (counts[index] as number) + 1;
    }
    statistic += chiSquare(counts, new Array<number>(alphabet.length).fill(codes.length / alphabet.length));
  }
  return { statistic, df: length * (alphabet.length - 1) };
}

describe("generated codes are uniform (no modulo bias, no favoured word)", () => {
  it("short: every digit position is uniform over 0–9", () => {
    const codes = Array.from({ length: 60_000 }, () => generateCode("short"));
    const { statistic, df } = positionsChiSquare(codes, "0123456789", 6);
    expect(statistic).toBeLessThan(chiSquareCritical(df));
  });

  it("long: every position is uniform over the 20 letters", () => {
    const codes = Array.from({ length: 12_000 }, () => generateCode("long"));
    const { statistic, df } = positionsChiSquare(codes, LONG_CODE_ALPHABET, 16);
    expect(statistic).toBeLessThan(chiSquareCritical(df));
  });

  it("phrase: every code equally likely, so each word in proportion to its digit count, digits uniform", () => {
    const n = 60_000;
    const threeDigitWords = WORDS.filter((word) => word.length <= 7);
    const wordIndex = new Map(threeDigitWords.map((word, i) => [word, i]));
    // Cells: each word that takes three digits, and one cell for all the (longer) two-digit words,
    // whose expected counts are too small to test one by one.
    const counts = new Array<number>(threeDigitWords.length + 1).fill(0);
    const threeDigitCodes: string[] = [];
    for (let i = 0; i < n; i++) {
      const [, word = "", digits = ""] = /^([a-z]+)(\d+)$/.exec(generateCode("phrase")) ?? [];
      const index = wordIndex.get(word);
      if (digits.length !== (index === undefined ? 2 : 3)) throw new Error(`${word}${digits}: wrong digit count`);
      if (index === undefined) {
        counts[threeDigitWords.length] = (counts[threeDigitWords.length] as number) + 1;
      } else {
        counts[index] = (counts[index] as number) + 1;
        threeDigitCodes.push(digits);
      }
    }
    const perThreeDigitWord = (n * 1000) / CODE_SPACE.phrase;
    const twoDigitWords = WORDS.length - threeDigitWords.length;
    const expected = [...threeDigitWords.map(() => perThreeDigitWord), (n * twoDigitWords * 100) / CODE_SPACE.phrase];
    expect(chiSquare(counts, expected)).toBeLessThan(chiSquareCritical(counts.length - 1));
    const { statistic, df } = positionsChiSquare(threeDigitCodes, "0123456789", 3);
    expect(statistic).toBeLessThan(chiSquareCritical(df));
  });

  it("the test has power: a modulo-biased generator of the same shape and sample size fails it", () => {
    // A byte taken modulo 10 favours 0–5 (26/256 against 25/256): the bias the rejection sampling removes.
    const biased = () => Array.from(crypto.getRandomValues(new Uint8Array(6)), (byte) => String(byte % 10)).join("");
    const codes = Array.from({ length: 60_000 }, biased);
    const { statistic, df } = positionsChiSquare(codes, "0123456789", 6);
    expect(statistic).toBeGreaterThan(chiSquareCritical(df));
  });
});
