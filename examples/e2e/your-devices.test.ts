// Issue 16's device lifecycle in two real browsers: device A sees every way into the account,
// renames device B's passkey and removes it; B is signed out and can never sign in with it
// again. The last way in cannot be removed; a device signed in with a synced passkey adds its own.
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  authenticatorOf,
  describeDevices,
  launchChromium,
  openDevice,
  screenshot,
  syncPasskeys,
  USER_AGENTS,
} from "./devices.ts";
import { addThisDevice, deviceNamed, enterEmail, expectSignedIn, expectStatus, signUp } from "./flows.ts";
import { type Stack, startStack } from "./stack.ts";

describe("your devices: see, rename, remove, add", { timeout: 60_000 }, () => {
  const username = "mei@example.com";
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
    await signUp(deviceA, stack, username);
    await addThisDevice(deviceB, stack, username);
  }, 60_000);
  afterEach(async (context) => {
    if (context.task.result?.state === "fail") console.error(await describeDevices({ A: deviceA, B: deviceB }));
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it("lists both passkeys with type, dates and this device marked", async () => {
    await deviceA.getByRole("button", { name: "Your devices" }).click();
    await deviceA.getByRole("heading", { name: "Your devices" }).waitFor();
    await expect.poll(() => deviceA.locator(".device").count()).toBe(2);
    const own = deviceA.locator(".device", { hasText: "This device" });
    expect(await own.locator(".device-name").textContent()).toBe("Chrome on macOS");
    const other = deviceNamed(deviceA, "Chrome on Linux");
    expect(await other.textContent()).toContain("Passkey");
    expect(await other.textContent()).not.toContain("This device");
    await screenshot(deviceA, "7-your-devices");
  });

  it("renames device B's passkey", async () => {
    await deviceNamed(deviceA, "Chrome on Linux").getByRole("button", { name: "Rename" }).click();
    await deviceA.getByLabel("New name").fill("Mei's laptop");
    await deviceA.getByRole("button", { name: "Save" }).click();
    await expectStatus(deviceA, 'Renamed to "Mei\'s laptop"');
    await deviceNamed(deviceA, "Mei's laptop").waitFor();
  });

  it("removes device B after a confirmation: B is signed out and its passkey never signs in again", async () => {
    await deviceNamed(deviceA, "Mei's laptop").getByRole("button", { name: "Remove" }).click();
    await deviceA.getByRole("button", { name: "Remove for good" }).click();
    await expectStatus(deviceA, "It can no longer sign in");
    await expect.poll(() => deviceA.locator(".device").count()).toBe(1);
    const subjects = (await stack.mails()).filter((mail) => mail.to.includes(username)).map((mail) => mail.subject);
    expect(subjects).toContain("A passkey was removed from your account");

    // B's session was made with the removed passkey: the backend ended it.
    expect(await deviceB.evaluate(async () => (await fetch("/api/me")).status)).toBe(401);
    await deviceB.reload();
    await enterEmail(deviceB, username);
    await deviceB.getByRole("button", { name: "Sign in" }).click();
    // B's authenticator still holds the passkey; the service no longer knows it.
    await expect
      .poll(() => deviceB.evaluate(async () => (await fetch("/api/me")).status), { timeout: 10_000 })
      .toBe(401);
    await deviceB.locator("#status[data-kind='error'], h2:text('New device?')").first().waitFor();
    expect(await deviceB.evaluate(async () => (await fetch("/api/me")).status)).toBe(401);
  });

  it("refuses to remove the last way in", async () => {
    await deviceA.locator(".device", { hasText: "This device" }).getByRole("button", { name: "Remove" }).click();
    await deviceA.getByRole("button", { name: "Remove for good" }).click();
    await expectStatus(deviceA, "the only way into your account");
    expect(await deviceA.locator(".device").count()).toBe(1);
  });

  it("a device signed in with a synced passkey adds a passkey of its own, no code needed", async () => {
    const laptop = await openDevice(browser, stack.webUrl, { userAgent: USER_AGENTS.b, webauthn: true });
    await syncPasskeys(deviceA, laptop);
    await enterEmail(laptop, username);
    await laptop.getByRole("button", { name: "Sign in" }).click();
    await expectSignedIn(laptop, username);
    // The synced passkey goes away from this laptop's authenticator (it lived on the phone).
    const { cdp, authenticatorId } = authenticatorOf(laptop);
    await cdp.send("WebAuthn.clearCredentials", { authenticatorId });

    await laptop.getByRole("button", { name: "Your devices" }).click();
    await laptop.getByRole("button", { name: "Add a passkey on this device" }).click();
    await expectStatus(laptop, "This device has its own passkey now");
    await expect.poll(() => laptop.locator(".device").count()).toBe(2);
    expect(await laptop.locator(".device", { hasText: "This device" }).locator(".device-name").textContent()).toBe(
      "Chrome on Linux",
    );
  });
});
