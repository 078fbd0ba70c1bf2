import { isHandoffError } from "@handoff/types";
import { describe, expect, it } from "vitest";
import { WaitLimits } from "./wait-limits.js";

/** A wait that ends when its `end` is called. */
function heldWait() {
  let end: (outcome: string) => void = () => {};
  const done = new Promise<string>((resolve) => {
    end = resolve;
  });
  return { wait: () => done, end };
}

/** The error `run` rejects with. */
async function refusal(run: Promise<unknown>) {
  const error = await run.then(
    () => expect.fail("not refused"),
    (reason: unknown) => reason,
  );
  if (!isHandoffError(error)) return expect.fail(`not a HandoffError: ${String(error)}`);
  return error;
}

describe("WaitLimits", () => {
  it("refuses one wait more than allowed per code with 429 too_many_attempts and Retry-After, counting nothing", async () => {
    const limits = new WaitLimits({ maxPerCode: 2, maxPerAddress: 10, retryAfterSeconds: 30 });
    const first = heldWait();
    const second = heldWait();
    const held = [limits.hold("code", "198.51.100.1", first.wait), limits.hold("code", "198.51.100.2", second.wait)];
    const error = await refusal(limits.hold("code", "198.51.100.3", heldWait().wait));
    expect(error).toMatchObject({ code: "too_many_attempts", status: 429, details: { retryAfterSeconds: 30 } });
    expect(error.message).toBe("Too many waits are open on this code; close one and call again.");
    expect(limits.counts).toEqual({ codes: 1, addresses: 2 });
    first.end("timeout");
    second.end("authorized");
    expect(await Promise.all(held)).toEqual(["timeout", "authorized"]);
    expect(limits.counts).toEqual({ codes: 0, addresses: 0 });
  });

  it("refuses one wait more than allowed per address, over all codes, an IPv6 address counting as its /64", async () => {
    const limits = new WaitLimits({ maxPerCode: 10, maxPerAddress: 2, retryAfterSeconds: 30 });
    const waits = [heldWait(), heldWait(), heldWait()];
    const held = [
      limits.hold("a", "2001:db8:0:1::1", waits[0]!.wait),
      limits.hold("b", "2001:db8:0:1::2", waits[1]!.wait),
      limits.hold("c", "2001:db8:0:2::1", waits[2]!.wait), // another /64
    ];
    const error = await refusal(limits.hold("d", "2001:db8:0:1:ffff::9", heldWait().wait));
    expect(error.message).toBe("Too many waits are open from this address; close one and call again.");
    for (const wait of waits) wait.end("closing");
    await Promise.all(held);
    expect(limits.counts).toEqual({ codes: 0, addresses: 0 });
  });

  it("gives the slot back when the wait throws", async () => {
    const limits = new WaitLimits({ maxPerCode: 1, maxPerAddress: 1, retryAfterSeconds: 1 });
    await expect(limits.hold("code", undefined, () => Promise.reject(new Error("storage down")))).rejects.toThrow(
      "storage down",
    );
    expect(limits.counts).toEqual({ codes: 0, addresses: 0 });
    expect(await limits.hold("code", undefined, async () => "accepted again")).toBe("accepted again");
  });
});
