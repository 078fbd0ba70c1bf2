// Steps the end-to-end tests share, written as a person would use the app.
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

/** Types an email in the sign-in form. */
export async function enterEmail(page: Page, username: string): Promise<void> {
  await page.getByLabel("Email").fill(username);
}

/** Creates an account with a passkey on this device. */
export async function signUp(page: Page, username: string): Promise<void> {
  await enterEmail(page, username);
  await page.getByRole("button", { name: "Create an account" }).click();
  await expectSignedIn(page, username);
}

/** Waits for the signed-in screen, and checks the backend agrees (its session cookie, `/api/me`). */
export async function expectSignedIn(page: Page, username: string): Promise<void> {
  await page.getByRole("heading", { name: "Signed in" }).waitFor();
  expect(await page.locator("#signed-in-user").textContent()).toBe(username);
  const me = await page.evaluate(async () => (await fetch("/api/me")).json());
  expect(me).toEqual({ username });
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
