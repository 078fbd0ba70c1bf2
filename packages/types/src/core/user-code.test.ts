import { describe, expect, it } from "vitest";
import { formatUserCode, normalizeUserCode, USER_CODE_ALPHABET } from "./user-code.js";

describe("user codes (RFC 8628 §6.1)", () => {
  it("ignores case, dashes and spaces, and refuses what cannot be a user code", () => {
    expect(normalizeUserCode(" bdwp-hqpk ")).toBe("BDWPHQPK");
    expect(normalizeUserCode("BDWP HQPK")).toBe("BDWPHQPK");
    expect(normalizeUserCode("ＢＤＷＰ－ＨＱＰＫ")).toBe("BDWPHQPK");
    expect(normalizeUserCode("BDWP-HQPA")).toBeUndefined(); // a vowel
    expect(normalizeUserCode("BDWP-HQP")).toBeUndefined();
    expect(normalizeUserCode("BDWP-HQPKK")).toBeUndefined();
  });

  it("is shown in two groups of four, from an alphabet without vowels or confusable characters", () => {
    expect(formatUserCode("BDWPHQPK")).toBe("BDWP-HQPK");
    expect(USER_CODE_ALPHABET).not.toMatch(/[AEIOUY01]/);
  });
});
