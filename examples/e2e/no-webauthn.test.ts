// A browser without WebAuthn (no authenticator, no PublicKeyCredential) is offered only what it
// can do: use this device once, approved from a signed-in device.
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { describeDevices, launchChromium, openDevice, screenshot, USER_AGENTS } from "./devices.ts";
import { enterEmail, expectSignedIn, readCode } from "./flows.ts";
import { type Stack, startStack } from "./stack.ts";

describe("a device without WebAuthn", { timeout: 60_000 }, () => {
  const username = "kim@example.com";
  let stack: Stack;
  let browser: Browser;
  let device: Page;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchChromium()]);
    await stack.handoff.createUser(username);
    device = await openDevice(browser, stack.webUrl, { userAgent: USER_AGENTS.b, webauthn: false });
  }, 60_000);
  afterEach(async (context) => {
    if (context.task.result?.state === "fail") console.error(await describeDevices({ "without WebAuthn": device }));
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it("offers only the one-time sign-in, which works once approved", async () => {
    await device.getByText("This browser cannot use passkeys").waitFor();
    expect(await device.evaluate(() => "PublicKeyCredential" in window)).toBe(false);
    const buttons = await device.locator("#screen button").allTextContents();
    expect(buttons).toEqual(["Use this device once"]);
    await screenshot(device, "7-no-webauthn");

    await enterEmail(device, username);
    await device.getByRole("button", { name: "Use this device once" }).click();
    const code = await readCode(device);
    const { id: userId } = await stack.handoff.getUser(username);
    await stack.handoff.authorizeCode({ userId, code, codeType: "short", purpose: "temporary_authentication" });
    await expectSignedIn(device, username);
  });
});
