import { authenticationResponseSchema, generateCodeResponseSchema } from "@handoff/types";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { useService } from "./helpers.js";

const t = await useService({ waitTimeoutMs: 1_000 });

async function generate(userId: string, type = "short", authorize = false) {
  const response = await t.post(
    `/api/native/codes/${type}/generate`,
    { client_id: t.clientId, user_id: userId, purpose: "temporary_authentication", authorize },
    { token: await t.token("codes.generate") },
  );
  expect(response.status).toBe(200);
  return generateCodeResponseSchema.parse(await response.json());
}

function wait(username: string, code: string, type = "short", signal?: AbortSignal) {
  return t.post(
    "/api/native/authenticate/code/wait",
    { client_id: t.clientId, username, authentication_code: { code, type } },
    { headers: { origin: t.origin }, ...(signal ? {} : {}) },
  );
}

async function authorize(userId: string, code: string, type = "short") {
  return t.post(
    `/api/native/codes/${type}/authorize`,
    { client_id: t.clientId, user_id: userId, purpose: "temporary_authentication", code },
    { token: await t.token("codes.authorize") },
  );
}

describe("one-time authentication over HTTP", () => {
  it("generate → wait → authorize wakes the wait with a verifiable JWT", async () => {
    const userId = await t.createUser("alice@example.com");
    const { code, is_authorized } = await generate(userId);
    expect(code).toMatch(/^\d{6}$/);
    expect(is_authorized).toBe(false);
    const waiting = wait("alice@example.com", code);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(t.service.pendingWaits).toBe(1);
    const authorized = await authorize(userId, code);
    expect(authorized.status).toBe(200);
    expect(await authorized.json()).toMatchObject({ is_authorized: true });
    const response = await waiting;
    expect(response.status).toBe(200);
    const session = authenticationResponseSchema.parse(await response.json());
    expect(session.user).toMatchObject({ id: userId, username: "alice@example.com" });
    const jwks = createRemoteJWKSet(new URL(`${t.service.url}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(session.jwt, jwks, {
      algorithms: ["ES256"],
      audience: t.clientId,
      issuer: t.service.url,
    });
    expect(payload).toMatchObject({ sub: userId, udata: "alice@example.com" });
    expect(t.service.pendingWaits).toBe(0);
  });

  it("a code is single use: a second wait after success is refused", async () => {
    const userId = await t.createUser("bob@example.com");
    const { code } = await generate(userId, "phrase", true);
    expect((await wait("bob@example.com", code, "phrase")).status).toBe(200);
    const again = await wait("bob@example.com", code, "phrase");
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ code: "invalid_code" });
  });

  it("times out with 408 wait_timeout, and a re-issued wait still succeeds", async () => {
    const userId = await t.createUser("carol@example.com");
    const { code } = await generate(userId, "long");
    const first = await wait("carol@example.com", code.toLowerCase(), "long");
    expect(first.status).toBe(408);
    expect(await first.json()).toMatchObject({ code: "wait_timeout" });
    const second = wait("carol@example.com", code, "long");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await authorize(userId, code, "long")).status).toBe(200);
    expect((await second).status).toBe(200);
  });

  it("invalidate-all answers a pending wait with 410 code_invalidated", async () => {
    const userId = await t.createUser("dave@example.com");
    const { code } = await generate(userId);
    const waiting = wait("dave@example.com", code);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const denied = await t.post(
      "/api/native/codes/short/invalidate-all",
      { client_id: t.clientId, user_id: userId, purpose: "temporary_authentication" },
      { token: await t.token("codes.invalidate") },
    );
    expect(denied.status).toBe(200);
    const response = await waiting;
    expect(response.status).toBe(410);
    expect(await response.json()).toMatchObject({ code: "code_invalidated" });
    expect((await authorize(userId, code)).status).toBe(400);
  });

  it("wrong codes lock the user out with 429 and Retry-After, and kill the live code", async () => {
    const userId = await t.createUser("erin@example.com");
    const { code } = await generate(userId);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < 9; i++) expect((await authorize(userId, wrong)).status).toBe(400);
    const locked = await authorize(userId, wrong);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await locked.json()).toMatchObject({ code: "too_many_attempts" });
    expect((await authorize(userId, code)).status).toBe(429);
  });

  it("an unknown username gets the same answer as a wrong code", async () => {
    const response = await wait("nobody@example.com", "123456");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "invalid_code" });
  });

  it("a client disconnect frees the wait", async () => {
    const userId = await t.createUser("frank@example.com");
    const { code } = await generate(userId);
    const controller = new AbortController();
    const pending = fetch(`${t.service.url}/api/native/authenticate/code/wait`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        client_id: t.clientId,
        username: "frank@example.com",
        authentication_code: { code, type: "short" },
      }),
      signal: controller.signal,
    }).catch(() => "aborted");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(t.service.pendingWaits).toBe(1);
    controller.abort();
    expect(await pending).toBe("aborted");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(t.service.pendingWaits).toBe(0);
  });
});
