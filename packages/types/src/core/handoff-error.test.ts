import { describe, expect, expectTypeOf, it } from "vitest";
import { errorBodySchema } from "../error-body.js";
import { CLIENT_ERROR_CODES, isHandoffErrorCode, isServiceErrorCode, SERVICE_ERROR_CODES } from "./error-codes.js";
import { defaultErrorMessage, SERVICE_ERROR_MESSAGES } from "./error-messages.js";
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

  it("defaults its message to the code's, from one table", () => {
    expect(new HandoffError("invalid_code").message).toBe("invalid_code"); // the service's message is missing
    expect(defaultErrorMessage("invalid_code")).toBe("The code is not valid.");
    expect(new HandoffError("aborted", undefined, { details: { path: "/x" } }).message).toBe(
      CLIENT_ERROR_CODES.aborted,
    );
    expect(new HandoffError("aborted", "Stopped.").message).toBe("Stopped.");
    expect(Object.keys(SERVICE_ERROR_MESSAGES).sort()).toEqual(Object.keys(SERVICE_ERROR_CODES).sort());
    for (const code of [...Object.keys(SERVICE_ERROR_CODES), ...Object.keys(CLIENT_ERROR_CODES)]) {
      if (isHandoffErrorCode(code)) expect(defaultErrorMessage(code)).toMatch(/^[A-Z].*\.$/);
    }
  });
  it("types details per code, and every field reads before the code is narrowed", () => {
    const error: unknown = new HandoffError("invalid_response", undefined, { details: { serviceCode: "new_code" } });
    if (!isHandoffError(error)) throw new Error("not a HandoffError");
    expectTypeOf(error.details?.retryAfterSeconds).toEqualTypeOf<number | undefined>();
    expectTypeOf(error.details?.serviceCode).toEqualTypeOf<string | undefined>();
    expectTypeOf(new HandoffError("invalid_argument").details?.serviceCode).toEqualTypeOf<undefined>();
    expectTypeOf(new HandoffError("too_many_attempts").details?.retryAfterSeconds).toEqualTypeOf<number | undefined>();
    // @ts-expect-error `chunk` belongs to network_error, not too_many_attempts
    new HandoffError("too_many_attempts", undefined, { details: { chunk: "passkeys" } });
  });
});
