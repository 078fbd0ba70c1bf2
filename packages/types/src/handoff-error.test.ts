import { describe, expect, it } from "vitest";
import { errorBodySchema } from "./error-body.js";
import { CLIENT_ERROR_CODES, isHandoffErrorCode, isServiceErrorCode, SERVICE_ERROR_CODES } from "./error-codes.js";
import { HandoffError, isHandoffError } from "./handoff-error.js";

describe("error codes", () => {
  it.each(Object.entries(SERVICE_ERROR_CODES))(
    "service code %s has a 4xx/5xx status and round-trips its wire body",
    (code, status) => {
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(600);
      expect(isServiceErrorCode(code)).toBe(true);
      const error = new HandoffError(code as keyof typeof SERVICE_ERROR_CODES, "m", { status });
      expect(errorBodySchema.parse(JSON.parse(JSON.stringify(error)))).toEqual({ code, message: "m" });
    },
  );
  it.each(Object.entries(CLIENT_ERROR_CODES))(
    "client code %s has a message and is not a service code",
    (code, message) => {
      expect(message.length).toBeGreaterThan(10);
      expect(isHandoffErrorCode(code)).toBe(true);
      expect(isServiceErrorCode(code)).toBe(false);
    },
  );
  it("the sets do not overlap, and unknown strings are not codes", () => {
    const overlap = Object.keys(SERVICE_ERROR_CODES).filter((code) => code in CLIENT_ERROR_CODES);
    expect(overlap).toEqual([]);
    expect(isHandoffErrorCode("toString")).toBe(false);
    expect(isHandoffErrorCode("__proto__")).toBe(false);
  });
});

describe("HandoffError", () => {
  it("carries code, status, details and cause", () => {
    const cause = new TypeError("fetch failed");
    const error = new HandoffError("network_error", "The service could not be reached.", {
      cause,
      details: { path: "/x" },
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("HandoffError");
    expect(error.code).toBe("network_error");
    expect(error.status).toBeUndefined();
    expect(error.details).toEqual({ path: "/x" });
    expect(error.cause).toBe(cause);
  });
  it("isHandoffError recognises errors from another copy of the class", () => {
    const foreign = Object.assign(new Error("x"), { code: "timeout" });
    Object.defineProperty(foreign, Symbol.for("@handoff/types/HandoffError"), { value: true });
    expect(isHandoffError(foreign)).toBe(true);
    expect(isHandoffError(new Error("x"))).toBe(false);
    expect(isHandoffError({ code: "timeout", name: "HandoffError" })).toBe(false);
    expect(isHandoffError(null)).toBe(false);
  });
});
