import { describe, expect, it } from "vitest";
import { credentialIdSchema } from "../webauthn.js";
import {
  isAbortSignal,
  isTimeoutMs,
  optionalSignal,
  optionalTimeoutMs,
  requireCode,
  requireCodePurpose,
  requireCodeType,
  requireCredentialId,
  requireCredentialName,
  requireUserId,
  requireUsername,
} from "./arguments.js";

const invalidArgument = expect.objectContaining({ code: "invalid_argument" });

describe("argument rules", () => {
  it("usernames: 1–256 code points, no control characters", () => {
    expect(requireUsername("ada@example.com")).toBe("ada@example.com");
    expect(requireUsername("😀".repeat(256))).toHaveLength(512);
    for (const bad of [undefined, 5, "", "a\nb", "a".repeat(257), "😀".repeat(257)]) {
      expect(() => requireUsername(bad)).toThrow(invalidArgument);
    }
  });

  it("credential names: 1–128 code points, no control characters", () => {
    expect(requireCredentialName("Laptop")).toBe("Laptop");
    for (const bad of ["", "x".repeat(129), "a\tb", null])
      expect(() => requireCredentialName(bad)).toThrow(invalidArgument);
    expect(() => requireCredentialName("", "name")).toThrow(/^name must/);
  });

  it("credential ids: 1–1364 base64url characters, as credentialIdSchema takes them", () => {
    const uuid = "3f0c2a9e-7d41-4c8e-9a0b-1d2e3f4a5b6c";
    expect(requireCredentialId(uuid)).toBe(uuid);
    expect(requireCredentialId("A".repeat(1364))).toHaveLength(1364);
    expect(credentialIdSchema.safeParse("A".repeat(1365)).success).toBe(false);
    for (const bad of [undefined, 7, "", "a b", "a/b+c", "A".repeat(1365)])
      expect(() => requireCredentialId(bad)).toThrow(invalidArgument);
  });

  it("codes are normalised first, then 1–64 characters must be left", () => {
    expect(requireCode(" 048-213 ")).toBe("048213");
    expect(requireCode("ＭＯＵＳＥ１３２")).toBe("mouse132");
    expect(requireCode(`${"1".repeat(64)} - `)).toHaveLength(64);
    for (const bad of [undefined, 48213, "", " - _ ", "1".repeat(65)])
      expect(() => requireCode(bad)).toThrow(invalidArgument);
    expect(() => requireCode("", "securityCode")).toThrow(/securityCode/);
  });

  it("user ids: 1–128 code points, no control characters", () => {
    expect(requireUserId("user-1")).toBe("user-1");
    for (const bad of [undefined, 7, "", "a\u0000b", "x".repeat(129)]) {
      expect(() => requireUserId(bad)).toThrow(/^userId must be/);
    }
  });

  it("credential ids name the argument they came in", () => {
    expect(requireCredentialId("AAEC-_9z", "credentialIds")).toBe("AAEC-_9z");
    expect(() => requireCredentialId("a+b/", "credentialIds")).toThrow(/^credentialIds must be/);
  });

  it("code types and purposes", () => {
    expect(requireCodeType("long")).toBe("long");
    expect(() => requireCodeType("pin")).toThrow(invalidArgument);
    expect(requireCodePurpose("add_credential")).toBe("add_credential");
    expect(() => requireCodePurpose("login")).toThrow(
      /^purpose must be one of temporary_authentication, add_credential\.$/,
    );
  });

  it("AbortSignals, also from another realm, and nothing else", () => {
    const signal = new AbortController().signal;
    expect(isAbortSignal(signal)).toBe(true);
    expect(isAbortSignal({ aborted: false, addEventListener() {} })).toBe(true);
    expect(isAbortSignal({ aborted: false })).toBe(false);
    expect(isAbortSignal({})).toBe(false);
    expect(optionalSignal(undefined)).toBeUndefined();
    expect(optionalSignal(signal)).toBe(signal);
    expect(() => optionalSignal({}, "options.signal")).toThrow(/options\.signal must be an AbortSignal/);
  });

  it("timeouts: positive milliseconds a timer can hold, false only where allowed", () => {
    expect(isTimeoutMs(1)).toBe(true);
    expect(isTimeoutMs(2 ** 31 - 1)).toBe(true);
    for (const bad of [0, -1, 2 ** 31, Number.NaN, Number.POSITIVE_INFINITY, "5"]) expect(isTimeoutMs(bad)).toBe(false);
    expect(optionalTimeoutMs(undefined, "timeoutMs")).toBeUndefined();
    expect(optionalTimeoutMs(false, "timeoutMs", true)).toBe(false);
    expect(() => optionalTimeoutMs(false, "maxWaitMs")).toThrow(/maxWaitMs must be/);
    expect(() => optionalTimeoutMs(2 ** 31, "timeoutMs", true)).toThrow(invalidArgument);
  });
});
