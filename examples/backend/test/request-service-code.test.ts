import { isHandoffError } from "@handoff/server";
import { describe, expect, it } from "vitest";
import { requestServiceCode } from "../src/request-service-code.ts";

/** A fetch that records the request and answers `status` with `body`. */
function answering(status: number, body: unknown = {}) {
  const calls: { url: string; body: unknown }[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    calls.push({ url: String(input), body: JSON.parse(String(init?.body)) });
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  };
  return { calls, fetch };
}

const target = { baseUrl: "http://service.test", clientId: "client-1" };

describe("requestServiceCode", () => {
  it("posts { client_id, email } to /pwless/signup and answers sent", async () => {
    const service = answering(200, {
      success: true,
      code: "code_validation_required",
      security_nonce_signed: "v1.x.y",
    });
    expect(await requestServiceCode({ ...target, fetch: service.fetch }, "ada@example.com")).toBe("sent");
    expect(service.calls).toEqual([
      { url: "http://service.test/pwless/signup", body: { client_id: "client-1", email: "ada@example.com" } },
    ]);
  });

  it("answers limited on 429: nothing new is mailed, and the caller's answer need not change", async () => {
    const service = answering(429, { code: "too_many_attempts", message: "later" });
    expect(await requestServiceCode({ ...target, fetch: service.fetch }, "ada@example.com")).toBe("limited");
  });

  it("turns a 503 (mail off) into service_unavailable, and a lost connection into network_error", async () => {
    const off = answering(503, { code: "service_unavailable", message: "mail is off" });
    const refused = await requestServiceCode({ ...target, fetch: off.fetch }, "ada@example.com").catch(
      (error: unknown) => error,
    );
    expect(isHandoffError(refused) && refused.code).toBe("service_unavailable");
    const down: typeof fetch = () => Promise.reject(new TypeError("fetch failed"));
    const lost = await requestServiceCode({ ...target, fetch: down }, "ada@example.com").catch(
      (error: unknown) => error,
    );
    expect(isHandoffError(lost) && lost.code).toBe("network_error");
  });

  it("treats any other refusal as a bug", async () => {
    const service = answering(403, { code: "origin_not_allowed", message: "no" });
    await expect(requestServiceCode({ ...target, fetch: service.fetch }, "ada@example.com")).rejects.toThrow(
      "/pwless/signup answered 403 origin_not_allowed",
    );
  });
});
