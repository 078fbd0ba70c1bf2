import { isHandoffError } from "@handoff/types";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { cdp, commands } from "vitest/browser";
import { deviceAuthenticator } from "../../test/virtual-authenticator.js";
import { type BrowserClient, createBrowserClient } from "../create-browser-client.js";

/*
 * End to end in headless Chromium: the real service (started by the vitest commands), the real
 * browser SDK, and CDP virtual authenticators standing in for Touch ID / Windows Hello.
 */

let client: BrowserClient;
const authenticator = deviceAuthenticator();

const newUsername = () => `passkey-${crypto.randomUUID()}@example.com`;

beforeAll(async () => {
  const { serviceUrl, clientId } = await commands.handoffService();
  client = createBrowserClient({ baseUrl: serviceUrl, clientId });
  await cdp().send("WebAuthn.enable", { enableUI: false });
});

afterEach(() => authenticator.remove());

// The virtual environment is per tab: leave the tab as it was for the other test files.
afterAll(() => cdp().send("WebAuthn.disable"));

describe("passkeys in Chromium with a virtual authenticator", () => {
  it("signs up, then signs in with the passkey; the JWT verifies on the backend", async () => {
    await authenticator.fresh();
    const username = newUsername();
    const signedUp = await client.signUp({ username, credentialName: "Virtual laptop" });
    expect(signedUp.credential).toMatchObject({ type: "fido2", name: "Virtual laptop" });
    expect(await authenticator.count()).toBe(1);

    const result = await client.signIn({ username });
    if (result.status !== "authenticated") expect.fail(`expected a session, got ${result.status}`);
    expect(result.session.user).toMatchObject({ id: signedUp.user.id, username });
    const claims = await commands.handoffVerifyJwt(result.session.jwt);
    expect(claims).toMatchObject({ sub: signedUp.user.id, udata: username });

    await expect(client.signUp({ username })).rejects.toMatchObject({ code: "user_exists", status: 409 });
  });

  it("answers no_credential_on_device on a device without the passkey, and for an unknown user", async () => {
    await authenticator.fresh();
    const username = newUsername();
    await client.signUp({ username });
    await authenticator.fresh();
    const started = performance.now();
    expect(await client.signIn({ username })).toEqual({
      status: "no_credential_on_device",
      next: ["add_device", "use_once"],
    });
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(await client.signIn({ username: newUsername() })).toEqual({
      status: "no_credential_on_device",
      next: ["add_device", "use_once"],
    });
  });

  it("adds this device with an authorized add_credential code, once", async () => {
    await authenticator.fresh();
    const username = newUsername();
    const { user } = await client.signUp({ username });
    await authenticator.fresh();
    const { code } = await commands.handoffGenerateCode({
      userId: user.id,
      codeType: "phrase",
      purpose: "add_credential",
      authorize: true,
    });
    const added = await client.addDevice({ username, code: ` ${code.toUpperCase()} `, credentialName: "Second" });
    expect(added.user.id).toBe(user.id);
    expect(added.credential).toMatchObject({ type: "fido2", name: "Second" });
    expect(await authenticator.count()).toBe(1);

    const result = await client.signIn({ username });
    expect(result.status).toBe("authenticated");

    await authenticator.fresh();
    await expect(client.addDevice({ username, code })).rejects.toMatchObject({ code: "invalid_code", status: 400 });
    expect(await authenticator.count()).toBe(0);
  });

  it("refuses to register the same authenticator twice for an account (credential_exists)", async () => {
    await authenticator.fresh();
    const username = newUsername();
    const { user } = await client.signUp({ username });
    const { code } = await commands.handoffGenerateCode({
      userId: user.id,
      codeType: "short",
      purpose: "add_credential",
      authorize: true,
    });
    const error = await client.addDevice({ username, code, codeType: "short" }).catch((caught: unknown) => caught);
    expect(isHandoffError(error) && error.code).toBe("credential_exists");
    // The code was not spent: another device can still use it.
    await authenticator.fresh();
    expect((await client.addDevice({ username, code, codeType: "short" })).user.id).toBe(user.id);
  });

  it("validates arguments before sending anything, and honours an aborted signal", async () => {
    await commands.handoffService();
    const bad = [
      () => client.signUp({ username: "" }),
      () => client.signIn({ username: "a\u0000b" }),
      () => client.addDevice({ username: "ada@example.com", code: "" }),
      // @ts-expect-error: a code type that does not exist
      () => client.addDevice({ username: "ada@example.com", code: "mouse132", codeType: "pin" }),
      () => client.signUp({ username: "ada@example.com", credentialName: "x".repeat(129) }),
    ];
    for (const call of bad) await expect(call()).rejects.toMatchObject({ code: "invalid_argument" });
    const controller = new AbortController();
    controller.abort();
    await expect(client.signIn({ username: newUsername(), signal: controller.signal })).rejects.toMatchObject({
      code: "aborted",
    });
  });
});
