import { describe, expect, it } from "vitest";
import { addDeviceFlow, deviceBody, expectError, freshEmail, keys } from "../device-key-helpers.js";
import { useService } from "../helpers.js";

const t = await useService();
const flow = addDeviceFlow(t);

describe("one live security code per email", () => {
  for (const known of [true, false]) {
    it(`a new code replaces the previous ones (${known ? "known" : "unknown"} email): a guesser has one code to hit, not five`, async () => {
      const email = freshEmail(known ? "known" : "unknown");
      if (known) await t.createUser(email);
      const first = await flow.signupAndCode(email);
      const second = await flow.signupAndCode(email);
      const { publicKey } = keys.p256();
      await expectError(await flow.devices(deviceBody(email, first.code, publicKey)), 400, "invalid_code");
      expect((await flow.devices(deviceBody(email, second.code, publicKey))).status).toBe(200);
    });
  }
});

describe("security-code mails per address", () => {
  it("one address gets maxSignupsPerAddress mails in 15 minutes, whatever emails it names; others still get theirs", async () => {
    const strict = await useService({ maxSignupsPerAddress: 3, trustProxy: true });
    const signup = (email: string, address: string) =>
      strict.post("/pwless/signup", { email }, { headers: { "x-forwarded-for": address } });
    for (let i = 0; i < 3; i++) expect((await signup(freshEmail(`bomb-${i}`), "203.0.113.50")).status).toBe(200);
    const refused = await signup(freshEmail("bomb-4"), "203.0.113.50");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await signup(freshEmail("elsewhere"), "198.51.100.50")).status).toBe(200);
  });
});
