import { describe, expect, it } from "vitest";
import { errorFromResponse } from "./error-from-response.js";

const path = "/api/native/manage/users/retrieve";

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

  it("reads an HTTP-date Retry-After", () => {
    const inOneMinute = new Date(Date.now() + 60_000).toUTCString();
    const error = errorFromResponse(
      503,
      new Headers({ "retry-after": inOneMinute }),
      { code: "service_unavailable", message: "Restarting." },
      path,
    );
    expect(error.details?.retryAfterSeconds).toBeGreaterThanOrEqual(59);
    expect(error.details?.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it("keeps a known code without a message, saying the code", () => {
    expect(errorFromResponse(400, new Headers(), { code: "invalid_code" }, path)).toMatchObject({
      code: "invalid_code",
      message: "invalid_code",
      status: 400,
    });
  });

  it("keeps a code it does not know in details.serviceCode", () => {
    const error = errorFromResponse(400, new Headers(), { code: "brand_new_code", message: "New." }, path);
    expect(error).toMatchObject({
      code: "invalid_response",
      status: 400,
      details: { path, serviceCode: "brand_new_code" },
    });
  });

  it("turns anything else into invalid_response with the status, keeping Retry-After", () => {
    for (const body of [undefined, "<html>", { code: 5 }, { message: "no code" }, { code: "" }, null, ["x"]]) {
      const error = errorFromResponse(503, new Headers({ "retry-after": "2" }), body, path);
      expect(error).toMatchObject({ code: "invalid_response", status: 503, details: { path, retryAfterSeconds: 2 } });
      expect(error.details).not.toHaveProperty("serviceCode");
    }
  });
});
