// Steps the end-to-end tests share, written as a person would use the app.
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import type { Stack } from "./stack.ts";

/** Subjects of the mails the tests read codes from. */
export const SIGN_UP_SUBJECT = "Your code to create your account";
/** The example backend's add-device mail (a verified account). */
export const ADD_DEVICE_SUBJECT = "Your code to add a device";
/** The service's security code mail (`/pwless/signup`). */
export const SERVICE_CODE_SUBJECT = "Your security code";

/** Types an email in the sign-in form. */
export async function enterEmail(page: Page, username: string): Promise<void> {
  await page.getByLabel("Email").fill(username);
}

/**
 * The code of the newest mail to `username` with this subject, once more than `seen` such mails
 * have arrived (the inbox lists them newest first). The example backend writes "Your security
 * code: …", the service "Your security code is: …".
 */
export async function codeFromInbox(
  stack: Pick<Stack, "mails">,
  username: string,
  subject: string,
  seen = 0,
): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const mails = (await stack.mails()).filter(
      (received) => received.to.includes(username) && received.subject === subject,
    );
    const code = (mails.length > seen ? mails[0] : undefined)?.text.match(/Your security code(?: is)?: (\S+)/)?.[1];
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no mail "${subject}" to ${username} arrived`);
}

/**
 * Creates an account as a person does: "Create an account", the code from the email (read in
 * the dev inbox), and this device's first passkey.
 */
export async function signUp(page: Page, stack: Pick<Stack, "mails">, username: string): Promise<void> {
  await enterEmail(page, username);
  await page.getByRole("button", { name: "Create an account" }).click();
  await page.getByLabel("Code from the email").fill(await codeFromInbox(stack, username, SIGN_UP_SUBJECT));
  await page.getByRole("button", { name: "Create my passkey" }).click();
  await expectSignedIn(page, username);
}

/** Waits for the signed-in screen, and checks the backend agrees (its session cookie, `/api/me`). */
export async function expectSignedIn(page: Page, username: string): Promise<void> {
  await page.getByRole("heading", { name: "Signed in" }).waitFor();
  expect(await page.locator("#signed-in-user").textContent()).toBe(username);
  const me = await page.evaluate(async () => (await fetch("/api/me")).json());
  expect(me).toMatchObject({ username });
}

/** Waits until the status region says `text`. */
export async function expectStatus(page: Page, text: string | RegExp): Promise<void> {
  await page.locator("#status").filter({ hasText: text }).waitFor();
}

/** Signs out and waits for the sign-in form. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("heading", { name: "Sign in" }).waitFor();
  expect(await page.evaluate(async () => (await fetch("/api/me")).status)).toBe(401);
}

/** On a device without a passkey for the account: tries to sign in and picks "Use this device once". */
export async function startUseOnce(page: Page, username: string): Promise<string> {
  await enterEmail(page, username);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "New device?" }).waitFor();
  await page.getByRole("button", { name: /Use this device once/ }).click();
  return readCode(page);
}

/** The one-time code this device shows, without the space. */
export async function readCode(page: Page): Promise<string> {
  const code = page.locator("#one-time-code");
  await code.waitFor();
  return ((await code.textContent()) ?? "").replace(/\s/g, "");
}

/** The request with this code in the signed-in device's list. */
export function requestWithCode(page: Page, code: string): Locator {
  return page.locator(`.request[data-code="${code}"]`);
}

/**
 * Adds this device to an account as a person does: Sign in finds no passkey here, "Add this
 * device", the code from the email (read in the dev inbox), then this device's own passkey.
 */
export async function addThisDevice(page: Page, stack: Pick<Stack, "mails">, username: string): Promise<void> {
  const seen = (await stack.mails()).filter(
    (mail) => mail.to.includes(username) && mail.subject === ADD_DEVICE_SUBJECT,
  );
  await enterEmail(page, username);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: /Add this device/ }).click();
  await page
    .getByLabel("Code from the email")
    .fill(await codeFromInbox(stack, username, ADD_DEVICE_SUBJECT, seen.length));
  await page.getByRole("button", { name: "Add this device" }).click();
  await expectSignedIn(page, username);
}

/** The item of "Your devices" with this name. */
export function deviceNamed(page: Page, name: string): Locator {
  return page.locator(".device").filter({ has: page.locator(".device-name", { hasText: name }) });
}
