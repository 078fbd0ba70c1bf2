// Browsers for the end-to-end tests: Debian's Chromium through playwright-core (never a
// downloaded browser), one context per device, each with its own virtual authenticator.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type CDPSession, chromium, type Page } from "playwright-core";

/** Chromium from Debian; override with CHROMIUM_PATH. */
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Launches headless Chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** How a test device is set up. */
export interface DeviceOptions {
  /** Shown to the approving device as the requester's user agent. */
  userAgent: string;
  /**
   * `true`: a CTAP2 platform authenticator with resident keys and user verification (a phone or
   * laptop with a passkey provider). `false`: no authenticator and no WebAuthn API at all.
   * `"no-authenticator"`: the WebAuthn API, but nothing answers its prompts (a desktop with no
   * passkey provider or security key): a ceremony waits until cancelled or timed out.
   */
  webauthn: boolean | "no-authenticator";
}

/** A device's virtual authenticator, to copy or drop its passkeys (a synced passkey, a lost one). */
export interface VirtualAuthenticator {
  cdp: CDPSession;
  authenticatorId: string;
}
const authenticators = new WeakMap<Page, VirtualAuthenticator>();

/** The virtual authenticator of a device opened with `webauthn: true`. */
export function authenticatorOf(page: Page): VirtualAuthenticator {
  const authenticator = authenticators.get(page);
  if (!authenticator) throw new Error("this device has no virtual authenticator");
  return authenticator;
}

/**
 * Copies every passkey of `from`'s authenticator to `to`'s, as a password manager syncing them
 * would (WebAuthn.getCredentials carries the private keys of a virtual authenticator).
 */
export async function syncPasskeys(from: Page, to: Page): Promise<void> {
  const source = authenticatorOf(from);
  const target = authenticatorOf(to);
  const { credentials } = await source.cdp.send("WebAuthn.getCredentials", { authenticatorId: source.authenticatorId });
  for (const credential of credentials) {
    await target.cdp.send("WebAuthn.addCredential", { authenticatorId: target.authenticatorId, credential });
  }
}

/** Opens a device (its own context: cookies, storage, authenticator) on the app. */
export async function openDevice(browser: Browser, url: string, options: DeviceOptions): Promise<Page> {
  const context = await browser.newContext({ userAgent: options.userAgent, viewport: { width: 560, height: 760 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  // Page errors show up in the test output, labelled with the device.
  const label = options.userAgent.split(" ").at(-1);
  page.on("pageerror", (error) => console.error(`[${label}] page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") console.error(`[${label}] console: ${message.text()}`);
  });
  if (options.webauthn) {
    // With the virtual environment on and no authenticator added, prompts wait for nothing.
    const cdp = await context.newCDPSession(page);
    await cdp.send("WebAuthn.enable", { enableUI: false });
    if (options.webauthn === true) {
      const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
        options: {
          protocol: "ctap2",
          transport: "internal",
          hasResidentKey: true,
          hasUserVerification: true,
          isUserVerified: true,
          automaticPresenceSimulation: true,
        },
      });
      authenticators.set(page, { cdp, authenticatorId });
    }
  } else {
    await page.addInitScript(() => {
      // A browser without WebAuthn (an old or locked-down one).
      Reflect.deleteProperty(window, "PublicKeyCredential");
    });
  }
  await page.goto(url);
  return page;
}

/** User agents of the two devices of the tests. */
export const USER_AGENTS = {
  a: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 DeviceA",
  b: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 DeviceB",
};

/**
 * Saves a screenshot to docs/images/ when E2E_SCREENSHOTS=1 (the committed ones are
 * refreshed that way); otherwise does nothing, so a test run leaves the tree clean.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.E2E_SCREENSHOTS !== "1") return;
  const directory = join(import.meta.dirname, "..", "..", "docs", "images");
  mkdirSync(directory, { recursive: true });
  await page.screenshot({ path: join(directory, `${name}.png`) });
}

/** Prints what each device shows (for a failed test's output). */
export async function describeDevices(pages: Record<string, Page | undefined>): Promise<string> {
  const parts: string[] = [];
  for (const [name, page] of Object.entries(pages)) {
    const text = await page
      ?.locator("main")
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, line breaks included, is what a person sees
      .innerText({ timeout: 1000 })
      .catch((error: Error) => `(unreadable: ${error.message})`);
    parts.push(`--- device ${name} shows:\n${text ?? "(not open)"}`);
  }
  return parts.join("\n");
}
