import { describe, expect, it } from "vitest";
import { decodeCodeEvent, encodeCodeEvent } from "./code-events.js";

describe("code event payloads", () => {
  it("round-trip", () => {
    const message = { instanceId: "i-1", codeId: "c-1", event: "invalidated" } as const;
    expect(decodeCodeEvent(encodeCodeEvent(message))).toEqual(message);
  });

  it.each([
    "",
    "not json",
    "null",
    "[]",
    '{"i":"i","c":"c"}',
    '{"i":"i","c":"c","e":"closing"}',
    '{"i":1,"c":"c","e":"authorized"}',
    '{"i":"i","c":{},"e":"authorized"}',
  ])("ignores %j", (payload) => {
    expect(decodeCodeEvent(payload)).toBeUndefined();
  });
});
