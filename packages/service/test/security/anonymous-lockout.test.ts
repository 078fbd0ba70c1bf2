import { describe, expect, it } from "vitest";
import { addDeviceFlow, deviceBody, freshEmail, keys } from "../device-key-helpers.js";
import { useService } from "../helpers.js";
import { codeCalls, freshAddress, freshName, outcome, wrongCode } from "./code-calls.js";

const PER_ADDRESS = 10;
const t = await useService({ maxFailedAttemptsPerAddress: PER_ADDRESS, maxGuessesPerCode: 30, trustProxy: true });
const calls = codeCalls(t);
const purpose = "temporary_authentication";

describe("an anonymous caller cannot lock the real user out", () => {
  it("wrong codes on the public wait leave the victim's code live and the backend's authorize working", async () => {
    const name = freshName("victim");
    const userId = await calls.createUser(name);
    const { code } = await calls.generate(userId, "short", purpose);
    const attacker = freshAddress();
    // Only the public client_id and the username: no Origin, no token. Far past every old limit.
    const answers = [];
    for (let i = 0; i < 3 * PER_ADDRESS; i++) {
      answers.push(await outcome(await calls.wait(name, wrongCode(code, "short", i), "short", { address: attacker })));
    }
    expect(answers.slice(0, PER_ADDRESS).every((answer) => answer.code === "invalid_code")).toBe(true);
    expect(answers.slice(PER_ADDRESS).every((answer) => answer.code === "too_many_attempts")).toBe(true);

    // The victim's new device waits from its own address, and the backend approves: both work.
    const waiting = calls.wait(name, code, "short", { address: freshAddress() });
    await expect.poll(() => t.service.pendingWaits).toBe(1);
    const approved = await calls.authorize(userId, code, "short", purpose);
    expect(approved.status).toBe(200);
    const session = await waiting;
    expect(session.status).toBe(200);
    expect(((await session.json()) as { user: { id: string } }).user.id).toBe(userId);
    // And the backend can generate and approve again at once: no lock-out was left behind.
    const next = await calls.generate(userId, "short", purpose, false);
    expect((await calls.authorize(userId, next.code, "short", purpose)).status).toBe(200);
  });

  it("wrong security codes on /pwless/devices do not lock the owner out of adding a device", async () => {
    const flow = addDeviceFlow(t);
    const email = freshEmail("owner");
    await t.createUser(email);
    const { code } = await flow.signupAndCode(email);
    const { publicKey } = keys.p256();
    const attacker = { "x-forwarded-for": freshAddress() };
    for (let i = 0; i < 2 * PER_ADDRESS; i++) {
      const answer = await flow.devices(deviceBody(email, `wrong${100 + i}`, publicKey), attacker);
      expect(answer.status).toBe(i < PER_ADDRESS ? 400 : 429);
    }
    const owner = await flow.devices(deviceBody(email, code, publicKey), { "x-forwarded-for": freshAddress() });
    expect(owner.status).toBe(200);
  });
});
