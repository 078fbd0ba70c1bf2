// Seed 003 with a passkey in a real browser: device B asks for a code, reads it in the dev inbox,
// registers its own passkey, and from then on signs in with it alone. The account was created by
// the app's "Create an account" (verified from the start), so device A's passkey keeps working.
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { describeDevices, launchChromium, openDevice, screenshot, USER_AGENTS } from "./devices.ts";
import {
  ADD_DEVICE_SUBJECT,
  codeFromInbox,
  enterEmail,
  expectSignedIn,
  expectStatus,
  signOut,
  signUp,
} from "./flows.ts";
import { type Stack, startStack } from "./stack.ts";

describe("add this device", { timeout: 60_000 }, () => {
  const username = "lin@example.com";
  let stack: Stack;
  let browser: Browser;
  let deviceA: Page;
  let deviceB: Page;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchChromium()]);
    deviceA = await openDevice(browser, stack.webUrl, { userAgent: USER_AGENTS.a, webauthn: true });
    await signUp(deviceA, stack, username);
    deviceB = await openDevice(browser, stack.webUrl, { userAgent: USER_AGENTS.b, webauthn: true });
  }, 60_000);
  afterEach(async (context) => {
    if (context.task.result?.state === "fail") console.error(await describeDevices({ A: deviceA, B: deviceB }));
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it("offers adding this device when it has no passkey, and mails a code", async () => {
    await enterEmail(deviceB, username);
    await deviceB.getByRole("button", { name: "Sign in" }).click();
    await deviceB.getByRole("heading", { name: "New device?" }).waitFor();
    await screenshot(deviceB, "2-new-device");
    await deviceB.getByRole("button", { name: /Add this device/ }).click();
    await deviceB.getByLabel("Code from the email").waitFor();
    expect(await codeFromInbox(stack, username, ADD_DEVICE_SUBJECT)).toMatch(/^[a-z]+\d+$/);
  });

  it("refuses a wrong code with a clear message", async () => {
    await deviceB.getByLabel("Code from the email").fill("wrong123");
    await deviceB.getByRole("button", { name: "Add this device" }).click();
    await expectStatus(deviceB, "That code is not right");
  });

  it("registers a passkey with the emailed code, then signs in with it alone", async () => {
    const code = await codeFromInbox(stack, username, ADD_DEVICE_SUBJECT);
    await deviceB.getByLabel("Code from the email").fill(code);
    await screenshot(deviceB, "6-add-device-code");
    await deviceB.getByRole("button", { name: "Add this device" }).click();
    await expectSignedIn(deviceB, username);

    await signOut(deviceB);
    await enterEmail(deviceB, username);
    await deviceB.getByRole("button", { name: "Sign in" }).click();
    await expectSignedIn(deviceB, username);

    // The service told the account holder that a passkey was added (NIST SP 800-63B rev 4).
    const subjects = (await stack.mails()).filter((mail) => mail.to.includes(username)).map((mail) => mail.subject);
    expect(subjects).toContain("A passkey was added to your account");
  });

  it("keeps device A's passkey: adding a device to a verified account revokes nothing", async () => {
    expect((await stack.handoff.getUser(username)).verifiedAt).toBeInstanceOf(Date);
    await signOut(deviceA);
    await enterEmail(deviceA, username);
    await deviceA.getByRole("button", { name: "Sign in" }).click();
    await expectSignedIn(deviceA, username);
    const notices = (await stack.mails()).filter((mail) => mail.to.includes(username) && /added/.test(mail.subject));
    expect(notices.length).toBeGreaterThan(0);
    for (const notice of notices) expect(notice.text).not.toContain("has been removed");
  });
});
