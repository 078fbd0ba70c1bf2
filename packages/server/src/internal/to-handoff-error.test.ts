import { HandoffError } from "@handoff/types";
import { describe, expect, it } from "vitest";
import { errorFromResponse, parseRetryAfter, toHandoffError } from "./to-handoff-error.js";

const path = "/api/native/manage/users/retrieve";

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates, at least 1, and ignores junk", () => {
    const now = Date.parse("2026-11-27T10:00:00Z");
    expect(parseRetryAfter("120", now)).toBe(120);
    expect(parseRetryAfter(" 0 ", now)).toBe(1);
    expect(parseRetryAfter("Fri, 27 Nov 2026 10:01:30 GMT", now)).toBe(90);
    expect(parseRetryAfter("Fri, 27 Nov 2026 09:00:00 GMT", now)).toBe(1);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter("-5", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe("errorFromResponse", () => {
  it("keeps a known code, its message and status, adding path and Retry-After", () => {
    const error = errorFromResponse(
      429,
      new Headers({ "retry-after": "30" }),
      { code: "too_many_attempts", message: "Wait." },
      path,
    );
    expect(error).toMatchObject({
      code: "too_many_attempts",
      message: "Wait.",
      status: 429,
      details: { path, retryAfterSeconds: 30 },
    });
  });

  it("turns anything else into invalid_response with the status", () => {
    for (const body of [undefined, "<html>", { code: 5 }, { message: "no code" }, null]) {
      expect(errorFromResponse(503, new Headers(), body, path)).toMatchObject({
        code: "invalid_response",
        status: 503,
        details: { path },
      });
    }
  });
});

describe("toHandoffError", () => {
  const call = { path, timeoutMs: 1_000 };

  it("passes HandoffErrors through and prefers aborted when the caller aborted", () => {
    const original = new HandoffError("invalid_argument", "bad");
    expect(toHandoffError(original, call)).toBe(original);
    expect(toHandoffError(new TypeError("fetch failed"), { ...call, signal: AbortSignal.abort() }).code).toBe(
      "aborted",
    );
  });

  it("classifies what happened without an answer", () => {
    expect(toHandoffError(new TypeError("fetch failed"), call).code).toBe("network_error");
    expect(toHandoffError(new DOMException("timed out", "TimeoutError"), call).code).toBe("timeout");
    expect(toHandoffError(new SyntaxError("Unexpected token"), call).code).toBe("invalid_response");
    expect(toHandoffError("weird", call)).toMatchObject({ code: "network_error", details: { path } });
  });
});
