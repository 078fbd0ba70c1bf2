import { describe, expect, it } from "vitest";
import { fromBase64url, toBase64url } from "./base64url.js";

describe("base64url", () => {
  it("round-trips every length and byte value", () => {
    for (let length = 0; length < 40; length++) {
      const bytes = crypto.getRandomValues(new Uint8Array(length));
      const text = toBase64url(bytes);
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(text).toHaveLength(Math.ceil((length * 4) / 3));
      expect(fromBase64url(text)).toEqual(bytes);
    }
    expect(toBase64url(new Uint8Array([251, 255]))).toBe("-_8");
    expect(toBase64url(new TextEncoder().encode("hello?"))).toBe("aGVsbG8_");
  });

  it("refuses what is not base64url", () => {
    for (const text of ["a+b", "a/b", "abc!", "A", "a b"]) expect(fromBase64url(text)).toBeUndefined();
    expect(fromBase64url("-_8=")).toEqual(new Uint8Array([251, 255]));
  });
});
