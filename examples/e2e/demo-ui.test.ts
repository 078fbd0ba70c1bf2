// The demo's ways out: a passkey prompt nothing answers can be cancelled, an email with no
// account leads to creating one, and a screen's message does not follow onto the next screen.
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { describeDevices, launchChromium, openDevice, USER_AGENTS } from "./devices.ts";
import { enterEmail, expectStatus, signUp } from "./flows.ts";
import { type Stack, startStack } from "./stack.ts";

describe("demo UI: cancel, unknown email, messages per screen", { timeout: 60_000 }, () => {
  const username = "grace@example.com";
  let stack: Stack;
  let browser: Browser;
  let withPasskey: Page;
  let noAuthenticator: Page;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchChromium()]);
    [withPasskey, noAuthenticator] = await Promise.all([
      openDevice(browser, stack.webUrl, { userAgent: USER_AGENTS.a, webauthn: true }),
      openDevice(browser, stack.webUrl, { userAgent: USER_AGENTS.b, webauthn: "no-authenticator" }),
    ]);
  }, 60_000);
  afterEach(async (context) => {
    if (context.task.result?.state === "fail") {
      console.error(await describeDevices({ A: withPasskey, B: noAuthenticator }));
    }
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it("a passkey prompt that nothing answers can be cancelled, and the form works again", async () => {
    await signUp(withPasskey, stack, username);
    await enterEmail(noAuthenticator, username);
    await noAuthenticator.getByRole("button", { name: "Sign in" }).click();
    await expectStatus(noAuthenticator, "Waiting for your passkey");
    expect(await noAuthenticator.getByRole("button", { name: "Sign in" }).isDisabled()).toBe(true);
    await noAuthenticator.getByRole("button", { name: "Cancel" }).click();
    await expectStatus(noAuthenticator, "Cancelled.");
    expect(await noAuthenticator.getByRole("button", { name: "Sign in" }).isEnabled()).toBe(true);
    expect(await noAuthenticator.getByRole("button", { name: "Cancel" }).count()).toBe(0);
  });

  it("an email with no account offers creating one, not a dead end; the old message is gone", async () => {
    // Sign-in does not tell who has an account: the browser's prompt finds no passkey (this
    // device's authenticator has none), and only then are the other ways in offered.
    const fresh = await openDevice(browser, stack.webUrl, { userAgent: USER_AGENTS.b, webauthn: true });
    await enterEmail(fresh, "nobody@example.com");
    await fresh.getByRole("button", { name: "Sign in" }).click();
    await fresh.getByRole("heading", { name: "New device?" }).waitFor();
    expect(await fresh.locator("#status").textContent()).toBe(""); // "Waiting for your passkey…" stayed behind
    await fresh.getByRole("button", { name: /Use this device once/ }).click();
    await fresh.getByRole("heading", { name: "No account yet" }).waitFor();
    await fresh.getByRole("button", { name: "Create an account" }).click();
    await fresh.getByRole("heading", { name: "Create your account" }).waitFor();
  });
});
