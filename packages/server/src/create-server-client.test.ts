import { isHandoffError, serviceTokenClaimsSchema } from "@handoff/types";
import { decodeJwt, exportJWK, generateKeyPair } from "jose";
import { delay, HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createServerClient } from "./create-server-client.js";
import type { ServerClientOptions } from "./server-client-options.js";

const BASE = "https://handoff.test";
const RETRIEVE = `${BASE}/api/native/manage/users/retrieve`;
const { privateKey } = await generateKeyPair("ES256", { extractable: true });
const jwk = await exportJWK(privateKey);
const profile = { id: "u1", username: "alice@example.com", namespace_id: "n1", created_at: "2026-11-27T10:00:00.000Z" };
const purpose = "temporary_authentication";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function client(extra: Partial<ServerClientOptions> = {}) {
  return createServerClient({
    baseUrl: BASE,
    clientId: "client-1",
    privateKey: jwk,
    retry: { initialDelayMs: 1, maxDelayMs: 5 },
    ...extra,
  });
}

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isHandoffError(error)) throw new Error(`expected a HandoffError, got ${String(error)}`);
  return error;
}

/** Answers `responses` in order (the last one repeats) and records each request. */
function answer(url: string, ...responses: (() => Response | Promise<Response>)[]) {
  const seen: { authorization: string | null; body: unknown }[] = [];
  server.use(
    http.post(url, async ({ request }) => {
      seen.push({ authorization: request.headers.get("authorization"), body: await request.json() });
      const next = responses[Math.min(seen.length - 1, responses.length - 1)];
      if (!next) throw new Error("no response");
      return next();
    }),
  );
  return seen;
}

const ok = () => HttpResponse.json(profile);

describe("requests", () => {
  it("sends each endpoint a fresh ES256 token with its scope, exp 60 s and the user it is about", async () => {
    const handoff = client();
    const codes = `${BASE}/api/native/codes/short`;
    const retrieve = answer(RETRIEVE, ok);
    const create = answer(`${BASE}/api/native/manage/users`, ok);
    const generate = answer(`${codes}/generate`, () =>
      HttpResponse.json({ code: "123456", expires_at: "2026-11-27T10:05:00.000Z", is_authorized: false }),
    );
    const authorize = answer(`${codes}/authorize`, () =>
      HttpResponse.json({ expires_at: "2026-11-27T10:05:00.000Z", is_authorized: true }),
    );
    const invalidate = answer(`${codes}/invalidate-all`, () =>
      HttpResponse.json({ deleted_at: "2026-11-27T10:01:00.000Z" }),
    );

    expect(await handoff.getUserID("alice@example.com")).toEqual({
      id: "u1",
      username: "alice@example.com",
      namespaceId: "n1",
      createdAt: new Date("2026-11-27T10:00:00.000Z"),
      verifiedAt: null, // an older service that does not send verified_at
      deactivatedAt: null, // nor deactivated_at
    });
    await handoff.getUserID("alice@example.com");
    await handoff.createUser("alice@example.com");
    expect(await handoff.generateCode({ userId: "u1", codeType: "short", purpose })).toEqual({
      code: "123456",
      expiresAt: new Date("2026-11-27T10:05:00.000Z"),
      isAuthorized: false,
    });
    await handoff.authorizeCode({ userId: "u1", code: " 123-456 ", codeType: "short", purpose });
    expect(await handoff.invalidateAllCodes({ userId: "u1", codeType: "short", purpose })).toEqual({
      deletedAt: new Date("2026-11-27T10:01:00.000Z"),
    });

    const claims = (seen: { authorization: string | null }[]) =>
      seen.map(({ authorization }) => serviceTokenClaimsSchema.parse(decodeJwt(authorization?.slice(7) ?? "")));
    const [first, second] = claims(retrieve);
    expect(first).toMatchObject({ client_id: "client-1", type: "users.retrieve", username: "alice@example.com" });
    expect((first?.exp ?? 0) - (first?.iat ?? 0)).toBe(60);
    expect(first?.nonce).not.toBe(second?.nonce);
    expect(claims(create)[0]).toMatchObject({ type: "users.create", username: "alice@example.com" });
    expect(claims(generate)[0]).toMatchObject({ type: "codes.generate", user_id: "u1" });
    expect(claims(authorize)[0]).toMatchObject({ type: "codes.authorize", user_id: "u1" });
    expect(claims(invalidate)[0]).toMatchObject({ type: "codes.invalidate", user_id: "u1" });

    expect(retrieve[0]?.body).toEqual({ username: "alice@example.com" });
    expect(generate[0]?.body).toEqual({ client_id: "client-1", user_id: "u1", purpose, authorize: false });
    expect(authorize[0]?.body).toEqual({ client_id: "client-1", user_id: "u1", purpose, code: "123456" });
    expect(invalidate[0]?.body).toEqual({ client_id: "client-1", user_id: "u1", purpose });
  });

  it("getUserID is getUser under its former name", async () => {
    const handoff = client();
    expect(handoff.getUserID).toBe(handoff.getUser);
    const seen = answer(RETRIEVE, ok);
    expect((await handoff.getUser("alice@example.com")).id).toBe("u1");
    expect(seen[0]?.body).toEqual({ username: "alice@example.com" });
  });

  it("imports the private key once and keeps it", async () => {
    answer(RETRIEVE, ok);
    const importKey = vi.spyOn(crypto.subtle, "importKey");
    try {
      const handoff = client();
      expect(importKey).not.toHaveBeenCalled();
      await Promise.all([handoff.getUserID("a@example.com"), handoff.getUserID("b@example.com")]);
      await handoff.getUserID("c@example.com");
      expect(importKey).toHaveBeenCalledTimes(1);
    } finally {
      importKey.mockRestore();
    }
  });

  it("keeps a path prefix of baseUrl", async () => {
    const seen = answer(`${BASE}/handoff/api/native/manage/users/retrieve`, ok);
    await client({ baseUrl: `${BASE}/handoff/` }).getUserID("alice@example.com");
    expect(seen).toHaveLength(1);
  });
});

describe("errors", () => {
  it("keeps the service's code, message and status, with details.path", async () => {
    answer(RETRIEVE, () => HttpResponse.json({ code: "user_not_found", message: "No user." }, { status: 404 }));
    const error = await rejection(client().getUserID("alice@example.com"));
    expect(error).toMatchObject({
      code: "user_not_found",
      message: "No user.",
      status: 404,
      details: { path: "/api/native/manage/users/retrieve" },
    });
  });

  it("429 carries details.retryAfterSeconds", async () => {
    answer(`${BASE}/api/native/codes/short/authorize`, () =>
      HttpResponse.json(
        { code: "too_many_attempts", message: "Wait." },
        { status: 429, headers: { "retry-after": "42" } },
      ),
    );
    const error = await rejection(client().authorizeCode({ userId: "u1", code: "1", codeType: "short", purpose }));
    expect(error).toMatchObject({ code: "too_many_attempts", status: 429, details: { retryAfterSeconds: 42 } });
  });

  it("a 5xx with a JSON error body keeps its code", async () => {
    const seen = answer(`${BASE}/api/native/codes/long/generate`, () =>
      HttpResponse.json({ code: "internal_error", message: "Bug." }, { status: 500 }),
    );
    const error = await rejection(client().generateCode({ userId: "u1", codeType: "long", purpose }));
    expect(error).toMatchObject({ code: "internal_error", status: 500 });
    expect(seen).toHaveLength(1);
  });

  it("a 5xx without a JSON body (a proxy's page) is invalid_response with the status", async () => {
    answer(
      `${BASE}/api/native/manage/users`,
      () => new HttpResponse("<html>Bad Gateway</html>", { status: 502, headers: { "content-type": "text/html" } }),
    );
    const error = await rejection(client().createUser("alice@example.com"));
    expect(error).toMatchObject({
      code: "invalid_response",
      status: 502,
      details: { path: "/api/native/manage/users" },
    });
  });

  it("an error body with a code this SDK does not know is invalid_response, the code kept in details", async () => {
    answer(RETRIEVE, () => HttpResponse.json({ code: "brand_new_code", message: "New." }, { status: 400 }));
    const error = await rejection(client().getUserID("alice@example.com"));
    expect(error).toMatchObject({ code: "invalid_response", status: 400, details: { serviceCode: "brand_new_code" } });
  });

  it("a malformed 200 body is invalid_response", async () => {
    answer(RETRIEVE, () => HttpResponse.json({ id: "u1", username: "alice@example.com" }));
    expect(await rejection(client().getUserID("alice@example.com"))).toMatchObject({
      code: "invalid_response",
      status: 200,
    });
    answer(RETRIEVE, () => new HttpResponse("not json", { status: 200 }));
    expect(await rejection(client().getUserID("alice@example.com"))).toMatchObject({ code: "invalid_response" });
  });

  it("a network error is network_error", async () => {
    answer(`${BASE}/api/native/codes/short/invalidate-all`, () => HttpResponse.error());
    const error = await rejection(client().invalidateAllCodes({ userId: "u1", codeType: "short", purpose }));
    expect(error).toMatchObject({ code: "network_error", details: { path: "/api/native/codes/short/invalidate-all" } });
  });

  it("a slow answer is timeout, with the client's or the call's budget", async () => {
    answer(RETRIEVE, async () => {
      await delay(2_000);
      return ok();
    });
    const started = Date.now();
    expect(await rejection(client({ timeoutMs: 50 }).getUserID("alice@example.com"))).toMatchObject({
      code: "timeout",
    });
    expect(await rejection(client().getUserID("alice@example.com", { timeoutMs: 50 }))).toMatchObject({
      code: "timeout",
    });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("an abort is aborted, before or during the request", async () => {
    const seen = answer(RETRIEVE, async () => {
      await delay(2_000);
      return ok();
    });
    const handoff = client();
    expect(await rejection(handoff.getUserID("a@example.com", { signal: AbortSignal.abort() }))).toMatchObject({
      code: "aborted",
    });
    expect(seen).toHaveLength(0);

    const generate = answer(`${BASE}/api/native/codes/short/generate`, async () => {
      await delay(2_000);
      return ok();
    });
    const controller = new AbortController();
    const pending = rejection(
      handoff.generateCode({ userId: "u1", codeType: "short", purpose, signal: controller.signal }),
    );
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toMatchObject({ code: "aborted" });
    expect(generate).toHaveLength(1);
  });
});

describe("retries", () => {
  it("getUserID retries 502/503/504 with a new token each time", async () => {
    const seen = answer(
      RETRIEVE,
      () => new HttpResponse(null, { status: 502 }),
      () => HttpResponse.json({ code: "service_unavailable", message: "Closing." }, { status: 503 }),
      ok,
    );
    expect((await client().getUserID("alice@example.com")).id).toBe("u1");
    expect(seen).toHaveLength(3);
    expect(new Set(seen.map((request) => request.authorization)).size).toBe(3);
  });

  it("getUserID retries network errors, up to retry.limit, then reports the last failure", async () => {
    const seen = answer(RETRIEVE, () => HttpResponse.error());
    expect(await rejection(client().getUserID("alice@example.com"))).toMatchObject({ code: "network_error" });
    expect(seen).toHaveLength(3);

    const gateway = answer(RETRIEVE, () => new HttpResponse(null, { status: 504 }));
    const handoff = client({ retry: { limit: 1, initialDelayMs: 1 } });
    expect(await rejection(handoff.getUserID("alice@example.com"))).toMatchObject({ status: 504 });
    expect(gateway).toHaveLength(2);
  });

  it("getUserID does not retry other statuses, nor when retry is false", async () => {
    const notFound = answer(RETRIEVE, () =>
      HttpResponse.json({ code: "user_not_found", message: "No." }, { status: 404 }),
    );
    await rejection(client().getUserID("alice@example.com"));
    expect(notFound).toHaveLength(1);
    const unavailable = answer(RETRIEVE, () => new HttpResponse(null, { status: 503 }));
    await rejection(client({ retry: false }).getUserID("alice@example.com"));
    expect(unavailable).toHaveLength(1);
  });

  it("never retries createUser, generateCode, authorizeCode or invalidateAllCodes", async () => {
    const handoff = client();
    const failing = () => new HttpResponse(null, { status: 503 });
    const calls: [string, () => Promise<unknown>][] = [
      [`${BASE}/api/native/manage/users`, () => handoff.createUser("alice@example.com")],
      [
        `${BASE}/api/native/codes/short/generate`,
        () => handoff.generateCode({ userId: "u1", codeType: "short", purpose }),
      ],
      [
        `${BASE}/api/native/codes/short/authorize`,
        () => handoff.authorizeCode({ userId: "u1", code: "123456", codeType: "short", purpose }),
      ],
      [
        `${BASE}/api/native/codes/short/invalidate-all`,
        () => handoff.invalidateAllCodes({ userId: "u1", codeType: "short", purpose }),
      ],
    ];
    for (const [url, call] of calls) {
      const seen = answer(url, failing);
      expect(await rejection(call())).toMatchObject({ status: 503 });
      const network = answer(url, () => HttpResponse.error());
      expect(await rejection(call())).toMatchObject({ code: "network_error" });
      expect([seen.length, network.length]).toEqual([1, 1]);
    }
  });
});
