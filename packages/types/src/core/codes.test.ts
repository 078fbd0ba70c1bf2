import { describe, expect, it } from "vitest";
import { isCodePurpose, isCodeType, normalizeCode } from "./codes.js";

describe("normalizeCode", () => {
  it.each([
    [" 123 456 ", "123456"],
    ["Mouse-132", "mouse132"],
    ["ＭＯＵＳＥ１３２", "mouse132"],
    ["BCDF_GHJK-LMNP qrst", "bcdfghjklmnpqrst"],
    ["\t482\u00a0913\n", "482913"],
  ])("%j → %j", (input, expected) => {
    expect(normalizeCode(input)).toBe(expected);
  });
});

describe("guards", () => {
  it("accept the closed sets only", () => {
    expect(["short", "long", "phrase"].every(isCodeType)).toBe(true);
    expect(isCodeType("medium")).toBe(false);
    expect(isCodeType(undefined)).toBe(false);
    expect(isCodePurpose("add_credential")).toBe(true);
    expect(isCodePurpose("login")).toBe(false);
  });
});
