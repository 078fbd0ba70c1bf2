import { HandoffError } from "@handoff/types";
import { describe, expect, it } from "vitest";
import { toHandoffError } from "./to-handoff-error.js";

const path = "/api/native/manage/users/retrieve";

// errorFromResponse and parseRetryAfter moved to @handoff/types/core (error-from-response.test.ts,
// retry-after.test.ts); create-server-client.test.ts checks that the client's errors go through it.
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
