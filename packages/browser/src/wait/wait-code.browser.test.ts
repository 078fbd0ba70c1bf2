import { isHandoffError } from "@handoff/types";
import { describe, expect, it } from "vitest";
import { commands } from "vitest/browser";
import { createBrowserClient } from "../create-browser-client.js";
import type { WaitProgress } from "./wait-code-options.js";

const purpose = "temporary_authentication";

/** A new user with a fresh pending short code, and a client for the real service. */
async function setup() {
  const { serviceUrl, clientId } = await commands.handoffService();
  const username = `wait-${crypto.randomUUID()}@example.com`;
  const userId = await commands.handoffCreateUser(username);
  const { code, expiresAt } = await commands.handoffGenerateCode({ userId, codeType: "short", purpose });
  const client = createBrowserClient({ baseUrl: serviceUrl, clientId });
  return { client, username, userId, code, expiresAt, clientId, serviceUrl };
}

describe("waitCode against the real service", () => {
  it("returns a session with a JWT the backend accepts once the code is authorized, across a 408", async () => {
    const { client, username, userId, code, expiresAt, clientId, serviceUrl } = await setup();
    const progress: WaitProgress[] = [];
    const waiting = client.waitCode({
      username,
      code: `${code.slice(0, 3)} ${code.slice(3)}`, // typed with a space: normalised
      codeType: "short",
      expiresAt,
      credentialName: "Browser test",
      onWait: (p) => progress.push(p),
    });
    // The test service holds a wait for 2 s: authorize only once it answered 408 and the wait
    // was re-issued.
    await expect.poll(() => progress.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    await commands.handoffAuthorizeCode({ userId, codeType: "short", purpose, code });
    const session = await waiting;

    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.map((p) => p.attempt)).toEqual(progress.map((_, i) => i + 1));
    expect(session).toMatchObject({
      isAuthenticated: true,
      user: { id: userId, username },
      client: { id: clientId },
      credential: { type: "code", name: "Browser test" },
    });
    const claims = await commands.handoffVerifyJwt(session.jwt);
    expect(claims).toMatchObject({ sub: userId, aud: clientId, iss: serviceUrl });
  });

  it("rejects with code_invalidated when the signed-in device denies", async () => {
    const { client, username, userId, code } = await setup();
    const waiting = client.waitCode({ username, code, codeType: "short" }).catch((e: unknown) => e);
    await expect.poll(() => commands.handoffPendingWaits()).toBeGreaterThan(0);
    await commands.handoffInvalidateCodes({ userId, codeType: "short", purpose });
    const reason = await waiting;
    expect(isHandoffError(reason) && { code: reason.code, status: reason.status }).toEqual({
      code: "code_invalidated",
      status: 410,
    });
  });

  it("frees the service's wait when the caller aborts", async () => {
    const { client, username, code } = await setup();
    const controller = new AbortController();
    const waiting = client
      .waitCode({ username, code, codeType: "short", signal: controller.signal })
      .catch((e: unknown) => e);
    await expect.poll(() => commands.handoffPendingWaits()).toBe(1);
    controller.abort();
    const reason = await waiting;
    expect(isHandoffError(reason) && reason.code).toBe("aborted");
    await expect.poll(() => commands.handoffPendingWaits()).toBe(0);
  });

  it("fails fast with invalid_code for a wrong code", async () => {
    const { client, username, code } = await setup();
    const wrong = code === "000000" ? "111111" : "000000";
    const reason = await client.waitCode({ username, code: wrong, codeType: "short" }).catch((e: unknown) => e);
    expect(isHandoffError(reason) && reason.code).toBe("invalid_code");
  });
});
