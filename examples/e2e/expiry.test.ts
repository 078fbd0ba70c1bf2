// A one-time code nobody approves expires, and the new device says so (service option
// codeLifetimeMs: a 4-second short code).
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { describeDevices, launchChromium, openDevice, USER_AGENTS } from "./devices.ts";
import { expectStatus, startUseOnce } from "./flows.ts";
import { type Stack, startStack } from "./stack.ts";

describe("one-time sign-in that nobody approves", { timeout: 60_000 }, () => {
  const username = "grace@example.com";
  let stack: Stack;
  let browser: Browser;
  let deviceB: Page;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack({ codeLifetimeMs: { short: 4000 } }), launchChromium()]);
    await stack.handoff.createUser(username);
    deviceB = await openDevice(browser, stack.webUrl, { userAgent: USER_AGENTS.b, webauthn: true });
  }, 60_000);
  afterEach(async (context) => {
    if (context.task.result?.state === "fail") console.error(await describeDevices({ B: deviceB }));
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it("tells the new device the code expired, and offers to start again", async () => {
    const started = Date.now();
    await startUseOnce(deviceB, username);
    await expectStatus(deviceB, "The code expired before it was approved.");
    expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
    await deviceB.getByRole("heading", { name: "Not signed in" }).waitFor();

    await deviceB.getByRole("button", { name: "Try again" }).click();
    expect((await deviceB.locator("#one-time-code").textContent())?.replace(/\s/g, "")).toMatch(/^\d{6}$/);
  });
});
