import { describe, expect, it } from "vitest";
import { toPendingCode } from "./core/pending-code.js";
import { listPendingCodesResponseSchema } from "./pending-codes.js";

describe("pending codes", () => {
  const requested = {
    created_at: "2026-01-01T00:00:00.000Z",
    expires_at: "2026-01-01T00:05:00.000Z",
    is_authorized: false,
    requester: { user_agent: "Firefox/140", ip: "203.0.113.7", seen_at: "2026-01-01T00:00:03.000Z" },
  };

  it("converts to Dates and camelCase, leaving out what the service did not send", () => {
    const [full, bare] = listPendingCodesResponseSchema
      .parse({ codes: [requested, { ...requested, requester: { seen_at: requested.requester.seen_at } }] })
      .codes.map(toPendingCode);
    expect(full).toEqual({
      createdAt: new Date("2026-01-01T00:00:00.000Z"),
      expiresAt: new Date("2026-01-01T00:05:00.000Z"),
      isAuthorized: false,
      requester: { userAgent: "Firefox/140", ip: "203.0.113.7", seenAt: new Date("2026-01-01T00:00:03.000Z") },
    });
    expect(bare?.requester).toEqual({ seenAt: new Date("2026-01-01T00:00:03.000Z") });
    expect(toPendingCode({ ...requested, requester: null }).requester).toBeNull();
  });

  it("drops a code or hash a broken service might send, and refuses bad requesters", () => {
    const parsed = listPendingCodesResponseSchema.parse({ codes: [{ ...requested, code: "123456", hash: "h" }] });
    expect(parsed.codes[0]).not.toHaveProperty("code");
    expect(parsed.codes[0]).not.toHaveProperty("hash");
    const tooLong = { ...requested, requester: { ...requested.requester, user_agent: "x".repeat(257) } };
    expect(listPendingCodesResponseSchema.safeParse({ codes: [tooLong] }).success).toBe(false);
    const noTime = { ...requested, requester: { ip: "203.0.113.7" } };
    expect(listPendingCodesResponseSchema.safeParse({ codes: [noTime] }).success).toBe(false);
  });
});
