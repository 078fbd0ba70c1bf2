import { afterAll, beforeAll, expect, it } from "vitest";
import { cdp, commands } from "vitest/browser";
import type * as Core from "../src/index.js";
import { addVirtualAuthenticator } from "./virtual-authenticator.js";

/*
 * The BUILT ESM package (run `pnpm build` first) in Chromium against the real service: the
 * client's passkey and device-key methods import their chunks from dist/ on first call.
 */

const dist = new URL("../dist/index.js", import.meta.url).href;
let core: typeof Core;
let client: Core.BrowserClient;
let authenticatorId: string;

/** Whether the page has fetched a file of dist/ whose name starts with `prefix`. */
const fetched = (prefix: string) =>
  performance.getEntriesByType("resource").some((entry) => entry.name.includes(`/dist/${prefix}`));

beforeAll(async () => {
  core = (await import(/* @vite-ignore */ dist)) as typeof Core;
  const { serviceUrl, clientId } = await commands.handoffService();
  client = core.createBrowserClient({ baseUrl: serviceUrl, clientId });
  authenticatorId = await addVirtualAuthenticator();
});

afterAll(async () => {
  await cdp().send("WebAuthn.removeVirtualAuthenticator", { authenticatorId });
  await cdp().send("WebAuthn.disable");
});

it("client.signUp and client.signIn load the passkey chunk and reach the service", async () => {
  const username = `built-${crypto.randomUUID()}@example.com`;
  expect(fetched("passkey-methods-")).toBe(false);
  const signedUp = await client.signUp({ username });
  expect(fetched("passkey-methods-")).toBe(true);
  const result = await client.signIn({ username });
  if (result.status !== "authenticated") expect.fail(`expected a session, got ${result.status}`);
  expect(result.session.user.id).toBe(signedUp.user.id);
  expect(await commands.handoffVerifyJwt(result.session.jwt)).toMatchObject({ sub: signedUp.user.id });
});

it("client.requestDeviceCode loads the device-key chunk and reaches the service", async () => {
  const email = `built-${crypto.randomUUID().slice(0, 8)}@example.com`;
  expect(fetched("device-key-methods-")).toBe(false);
  const { securityNonce } = await client.requestDeviceCode({ email });
  expect(securityNonce).toMatch(/^v1\./);
  expect(fetched("device-key-methods-")).toBe(true);
  expect((await commands.handoffOutbox()).some((mail) => mail.to === email)).toBe(true);
});

it("waitCode and detectWebAuthn work from the core chunk", async () => {
  await expect(client.detectWebAuthn()).resolves.toMatchObject({ webauthn: true, platformAuthenticator: true });
  const error = await client
    .waitCode({ username: "nobody@example.com", code: "123456", codeType: "short", maxWaitMs: 5_000 })
    .catch((caught: unknown) => caught);
  expect(core.isHandoffError(error)).toBe(true);
  expect(error).toMatchObject({ code: "invalid_code", status: 400 });
});
