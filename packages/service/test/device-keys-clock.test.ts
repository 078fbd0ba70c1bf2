import { sign } from "node:crypto";
import { deviceLoginInitResponseSchema } from "@handoff/types";
import { describe, expect, it } from "vitest";
import { addDeviceFlow, deviceBody, expectError, freshEmail, keys } from "./device-key-helpers.js";
import { useService } from "./helpers.js";

let clock = Date.parse("2026-11-27T10:00:00.000Z");
const advance = (ms: number) => {
  clock += ms;
};
const t = await useService({ now: () => clock });
const { signup, devices, signupAndCode, register } = addDeviceFlow(t);
const MINUTE = 60_000;

describe("add device over time", () => {
  it("after 10 minutes the code has expired and the nonce no longer verifies", async () => {
    const email = freshEmail("late");
    const { code, nonce } = await signupAndCode(email);
    advance(10 * MINUTE + 1_000);
    const { publicKey } = keys.p256();
    await expectError(
      await devices(deviceBody(email, code, publicKey, { security_nonce_signed: nonce })),
      400,
      "invalid_request",
    );
    await expectError(await devices(deviceBody(email, code, publicKey)), 410, "code_expired");
  });

  it("the signup limit resets after its 15-minute window", async () => {
    const email = freshEmail("window");
    for (let i = 0; i < 5; i++) expect((await signup(email)).status).toBe(200);
    const limited = await signup(email);
    expect(Number(limited.headers.get("retry-after"))).toBe(15 * 60);
    await expectError(limited, 429, "too_many_attempts");
    advance(15 * MINUTE);
    expect((await signup(email)).status).toBe(200);
  });

  it("a sign-in challenge expires after 5 minutes", async () => {
    const email = freshEmail("slow");
    const pair = keys.p256();
    const keyId = String((await register(email, pair.publicKey)).key.id);
    const init = await t.post("/pwless/login/init", { email, key_id: keyId });
    const { challenge, expires_at } = deviceLoginInitResponseSchema.parse(await init.json());
    expect(Date.parse(expires_at) - clock).toBe(5 * MINUTE);
    advance(5 * MINUTE);
    const signature = sign("sha256", Buffer.from(challenge, "base64url"), {
      key: pair.privateKey,
      dsaEncoding: "ieee-p1363",
    }).toString("base64url");
    await expectError(
      await t.post("/pwless/login/complete", { email, key_id: keyId, challenge, signature }),
      400,
      "invalid_challenge",
    );
  });
});
