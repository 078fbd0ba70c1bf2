// Seed 000 in a real browser: device B has no passkey, signs in once, and device A (signed in
// with a passkey) approves or denies after seeing who asks.
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { describeDevices, launchChromium, openDevice, screenshot, USER_AGENTS } from "./devices.ts";
import { expectSignedIn, expectStatus, requestWithCode, signOut, signUp, startUseOnce } from "./flows.ts";
import { type Stack, startStack } from "./stack.ts";

describe("one-time sign-in, approved and denied", { timeout: 60_000 }, () => {
  const username = "ada@example.com";
  let stack: Stack;
  let browser: Browser;
  let deviceA: Page;
  let deviceB: Page;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchChromium()]);
    [deviceA, deviceB] = await Promise.all([
      openDevice(browser, stack.webUrl, { userAgent: USER_AGENTS.a, webauthn: true }),
      openDevice(browser, stack.webUrl, { userAgent: USER_AGENTS.b, webauthn: true }),
    ]);
  }, 60_000);
  afterEach(async (context) => {
    if (context.task.result?.state === "fail") console.error(await describeDevices({ A: deviceA, B: deviceB }));
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it("device A signs up with a passkey", async () => {
    await deviceA.getByLabel("Email").waitFor();
    await screenshot(deviceA, "1-sign-in");
    await signUp(deviceA, stack, username);
  });

  it("device B has no passkey, uses itself once, and A approves after seeing who asks", async () => {
    const code = await startUseOnce(deviceB, username);
    expect(code).toMatch(/^\d{6}$/);
    expect(await deviceB.locator(".qr svg").count()).toBe(1);
    await deviceB.getByRole("button", { name: "Cancel" }).waitFor();
    await screenshot(deviceB, "3-use-once-waiting");

    const request = requestWithCode(deviceA, code);
    await request.waitFor();
    const details = (await request.textContent()) ?? "";
    expect(details).toContain("Chrome on Linux"); // device B's user agent, not A's macOS
    expect(details).toMatch(/127\.0\.0\.1|::1/);
    expect(await request.locator("dd[title]").getAttribute("title")).toBe(USER_AGENTS.b);
    await screenshot(deviceA, "4-approve-request");

    await request.getByRole("button", { name: "Approve" }).click();
    await expectStatus(deviceA, "Approved");
    await expectSignedIn(deviceB, username);
    await request.waitFor({ state: "detached" });
    // Signed in once: B cannot vouch for a third device (the backend refuses; the page says so).
    await deviceB.getByText("A device signed in once cannot approve other devices").waitFor();
    expect(await deviceB.getByRole("button", { name: "Approve" }).count()).toBe(0);
  });

  it("device A denies, and device B is told so", async () => {
    await signOut(deviceB);
    const code = await startUseOnce(deviceB, username);
    const request = requestWithCode(deviceA, code);
    await request.getByRole("button", { name: "Deny" }).click();
    await expectStatus(deviceB, "The request was denied on your other device.");
    await deviceB.getByRole("heading", { name: "Not signed in" }).waitFor();
    await screenshot(deviceB, "5-denied");
    expect(await deviceB.evaluate(async () => (await fetch("/api/me")).status)).toBe(401);
  });

  it("device B can cancel its own request", async () => {
    await deviceB.getByRole("button", { name: "Back" }).click();
    const code = await startUseOnce(deviceB, username);
    await requestWithCode(deviceA, code).waitFor();
    await deviceB.getByRole("button", { name: "Cancel" }).click();
    await expectStatus(deviceB, "Cancelled");
    await requestWithCode(deviceA, code).waitFor({ state: "detached" });
  });
});
