import { normalizeUserCode, USER_CODE_ALPHABET } from "@handoff/types";
import { describe, expect, it } from "vitest";
import { generateDeviceCode, generateUserCode, hashDeviceCode, hashUserCode } from "./device-codes.js";

const secret = Buffer.alloc(32, 7).toString("base64url");

describe("device and user codes", () => {
  it("draws device codes of 256 bits and user codes of eight base-20 characters", () => {
    const deviceCodes = new Set(Array.from({ length: 100 }, generateDeviceCode));
    expect(deviceCodes.size).toBe(100);
    for (const code of deviceCodes) expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const code = generateUserCode();
      expect(normalizeUserCode(code)).toBe(code);
      for (const character of code) seen.add(character);
    }
    expect([...seen].sort().join("")).toBe(USER_CODE_ALPHABET);
  });

  it("hashes with the secret, a user code bound to its client, the two kinds never alike", () => {
    expect(hashUserCode(secret, "client-a", "BDWPHQPK")).not.toBe(hashUserCode(secret, "client-b", "BDWPHQPK"));
    expect(hashUserCode(secret, "a", "BDWPHQPK")).not.toBe(
      hashUserCode(Buffer.alloc(32, 8).toString("base64url"), "a", "BDWPHQPK"),
    );
    expect(hashDeviceCode(secret, "x")).not.toBe(hashUserCode(secret, "", "x"));
  });
});
