/**
 * The token endpoint shares the per-address wrong-code limiter (`maxFailedAttemptsPerAddress`)
 * with the other codes, but looks the device code up first: neighbours on the device's address (a
 * NAT, a CI runner's egress, the same host) who spend that budget with made-up device codes still
 * cannot make an approved device lose its approval; their own made-up codes are refused.
 */
import { describe, expect, it } from "vitest";
import { deviceGrantCalls } from "../device-grant-calls.js";
import { useService } from "../helpers.js";

const t = await useService({ devicePollIntervalSeconds: 1, maxFailedAttemptsPerAddress: 6 });
await t.service.setDeviceGrant(t.clientId, { verificationUri: "https://app.example/device" });
const calls = deviceGrantCalls(t);
const userId = await t.createUser("victim@example.com");

describe("an approved device behind an address its neighbours spent", () => {
  it("still gets its tokens, while made-up codes from that address answer 429", async () => {
    const device = await calls.start();
    expect((await calls.decide("approve", device.user_code, userId)).status).toBe(200);
    for (let i = 0; i < 6; i++) {
      expect((await calls.poll(`made-up-${i}-${"x".repeat(40)}`)).status).toBe(400); // invalid_grant
    }
    const madeUp = await calls.poll(`made-up-7-${"x".repeat(40)}`);
    expect(madeUp.status).toBe(429);
    expect(await madeUp.json()).toMatchObject({ error: "temporarily_unavailable" });

    const legit = await calls.poll(device.device_code);
    expect(legit.status).toBe(200);
    expect(await legit.json()).toMatchObject({ token_type: "Bearer" });
  });
});
