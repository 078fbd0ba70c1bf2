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
