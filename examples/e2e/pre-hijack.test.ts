// Account pre-hijacking through the example app (docs/security.md, "Accounts"): an attacker
// signs up with a passkey under the victim's email before the victim does, which proves nothing.
// When the owner then adds a device, or creates an account, through the example backend, the
// account is unverified, so the backend has the SERVICE mail the code: using it proves the email,
// and the attacker's passkey stops working.
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { describeDevices, launchChromium, openDevice, USER_AGENTS } from "./devices.ts";
import {
  ADD_DEVICE_SUBJECT,
  codeFromInbox,
  enterEmail,
  expectSignedIn,
  SERVICE_CODE_SUBJECT,
  SIGN_UP_SUBJECT,
  signOut,
} from "./flows.ts";
import { type Stack, startStack } from "./stack.ts";

/** What the tests use of the page's own Handoff browser client (`handoff()` of `src/session.ts`). */
interface PageClient {
  signUp(options: { username: string; credentialName: string }): Promise<unknown>;
  signIn(options: { username: string }): Promise<{ status: string }>;
}

/** The page's `handoff()`, as `exposeClient` leaves it on `globalThis`. */
type WithClient = typeof globalThis & { e2eHandoff?: () => PageClient };

/**
 * Puts the page's own `handoff()` on `globalThis.e2eHandoff`: a module script imports
 * `src/session.ts` as Vite serves it, so it is the very client the app initialised.
 */
async function exposeClient(page: Page): Promise<void> {
  if (await page.evaluate(() => "e2eHandoff" in globalThis)) return;
  await page.addScriptTag({
    type: "module",
    content: 'import { handoff } from "/src/session.ts"; globalThis.e2eHandoff = handoff;',
  });
  await page.waitForFunction(() => "e2eHandoff" in globalThis);
}

describe("an account an attacker pre-registered by passkey sign-up", { timeout: 60_000 }, () => {
  let stack: Stack;
  let browser: Browser;
  let attacker: Page;
  let owner: Page;

  /**
   * Signs up with a passkey on `page` through the browser SDK, as anyone can against the service
   * (the app itself no longer offers it).
   */
  async function passkeySignUp(page: Page, username: string): Promise<void> {
    await exposeClient(page);
    await page.evaluate(async (name) => {
      const client = (globalThis as WithClient).e2eHandoff?.();
      await client?.signUp({ username: name, credentialName: "Attacker's passkey" });
    }, username);
  }

  /** Tries a passkey sign-in on `page`: `"authenticated"` or `"no_credential_on_device"`. */
  async function passkeySignIn(page: Page, username: string): Promise<string | undefined> {
    await exposeClient(page);
    return page.evaluate(async (name) => {
      const client = (globalThis as WithClient).e2eHandoff?.();
      return (await client?.signIn({ username: name }))?.status;
    }, username);
  }

  /** Subjects of the mails to `username`. */
  async function subjects(username: string): Promise<string[]> {
    return (await stack.mails()).filter((mail) => mail.to.includes(username)).map((mail) => mail.subject);
  }

  /** The attacker's head start: a passkey account under `username`, unverified. */
  async function preRegister(username: string): Promise<void> {
    await passkeySignUp(attacker, username);
    expect(await passkeySignIn(attacker, username)).toBe("authenticated");
    expect((await stack.handoff.getUser(username)).verifiedAt).toBeNull();
  }

  /** After the owner's proof: verified, the attacker's passkey gone, and the owner told so. */
  async function expectTakenBack(username: string): Promise<void> {
    expect((await stack.handoff.getUser(username)).verifiedAt).toBeInstanceOf(Date);
    expect(await passkeySignIn(attacker, username)).toBe("no_credential_on_device");
    const notice = (await stack.mails()).find(
      (mail) => mail.to.includes(username) && mail.subject === "A passkey was added to your account",
    );
    expect(notice?.text).toContain("has been removed");
    expect(notice?.text).toContain("Attacker's passkey");
    // The backend never vouched with a code of its own.
    expect(await subjects(username)).not.toContain(ADD_DEVICE_SUBJECT);
    expect(await subjects(username)).not.toContain(SIGN_UP_SUBJECT);
  }

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchChromium()]);
    [attacker, owner] = await Promise.all([
      openDevice(browser, stack.webUrl, { userAgent: USER_AGENTS.a, webauthn: true }),
      openDevice(browser, stack.webUrl, { userAgent: USER_AGENTS.b, webauthn: true }),
    ]);
  }, 60_000);
  afterEach(async (context) => {
    if (context.task.result?.state === "fail") console.error(await describeDevices({ attacker, owner }));
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it("the owner's add device uses the service's code, which revokes the attacker's passkey", async () => {
    const victim = "victim@example.com";
    await preRegister(victim);

    await enterEmail(owner, victim);
    await owner.getByRole("button", { name: "Sign in" }).click();
    await owner.getByRole("heading", { name: "New device?" }).waitFor();
    await owner.getByRole("button", { name: /Add this device/ }).click();
    await owner.getByLabel("Code from the email").fill(await codeFromInbox(stack, victim, SERVICE_CODE_SUBJECT));
    await owner.getByRole("button", { name: "Add this device" }).click();
    await expectSignedIn(owner, victim);
    await expectTakenBack(victim);

    await signOut(owner);
    expect(await passkeySignIn(owner, victim)).toBe("authenticated");
  });

  it("the owner's Create an account gets the same answer and the service's code, with the same effect", async () => {
    const victim = "victim2@example.com";
    await preRegister(victim);
    const answers = await owner.evaluate(
      async (names) => {
        const start = async (username: string) =>
          (
            await fetch("/api/sign-up/start", {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ username }),
            })
          ).json();
        return Promise.all(names.map(start));
      },
      ["fresh@example.com", victim],
    );
    expect(answers[1]).toEqual(answers[0]); // a new address and a pre-registered one alike
    // That call mailed a code already; the next one replaces it (one live code per email).
    const seen = (await subjects(victim)).filter((subject) => subject === SERVICE_CODE_SUBJECT).length;
    expect(seen).toBe(1);

    await owner.reload();
    await enterEmail(owner, victim);
    await owner.getByRole("button", { name: "Create an account" }).click();
    const code = await codeFromInbox(stack, victim, SERVICE_CODE_SUBJECT, seen);
    await owner.getByLabel("Code from the email").fill(code);
    await owner.getByRole("button", { name: "Create my passkey" }).click();
    await expectSignedIn(owner, victim);
    await expectTakenBack(victim);
  });
});
