import { ENDPOINTS, type HandoffError, isHandoffError, WAIT_CODE_ENDPOINT } from "@handoff/types";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createBrowserClient } from "../create-browser-client.js";
import { waitCode } from "./wait-code.js";
import type { WaitProgress } from "./wait-code-options.js";

const baseUrl = "https://auth.test";
const url = `${baseUrl}${WAIT_CODE_ENDPOINT.path}`;
const service = { baseUrl, clientId: "client-1" };
const args = { username: "ada@example.com", code: " 048-213 ", codeType: "short" } as const;
const sessionBody = {
  client: { id: "client-1", type: "directweb" },
  credential: { uuid: "cred-1", type: "code", name: "short code" },
  user: { id: "user-1", username: "ada@example.com", namespace_id: "ns-1" },
  jwt: "header.payload.signature",
  is_authenticated: true,
};
const error = (status: number, code: string, headers: Record<string, string> = {}) =>
  HttpResponse.json({ code, message: code }, { status, headers });

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** Serves the given answers in order (the last one repeats) and records every request. */
function serve(...answers: (() => Response | Promise<Response>)[]) {
  const requests: { request: Request; at: number }[] = [];
  server.use(
    http.post(url, ({ request }) => {
      requests.push({ request, at: Date.now() });
      return answers[Math.min(requests.length, answers.length) - 1]!();
    }),
  );
  return requests;
}

async function rejection(promise: Promise<unknown>): Promise<HandoffError> {
  const reason: unknown = await promise.then(
    () => expect.fail("expected a rejection"),
    (e: unknown) => e,
  );
  if (!isHandoffError(reason)) throw reason;
  return reason;
}

/** A handler that holds the request until the client aborts it (then answers a network error). */
const neverAnswered = (requests: { request: Request }[]) => () =>
  new Promise<Response>((resolve) => {
    const { signal } = requests.at(-1)!.request;
    signal.addEventListener("abort", () => resolve(HttpResponse.error()), { once: true });
  });

it("calls the contract's endpoint with the normalised code, the client id and no auth header", async () => {
  expect(WAIT_CODE_ENDPOINT).toBe(ENDPOINTS.waitCode);
  const requests = serve(() => HttpResponse.json(sessionBody));
  const session = await waitCode(service, { ...args, credentialName: "Kitchen TV" });
  expect(session).toEqual({
    jwt: sessionBody.jwt,
    isAuthenticated: true,
    user: { id: "user-1", username: "ada@example.com", namespaceId: "ns-1" },
    client: { id: "client-1", type: "directweb" },
    credential: { uuid: "cred-1", type: "code", name: "short code" },
  });
  expect(requests).toHaveLength(1);
  const { request } = requests[0]!;
  expect(request.headers.get("authorization")).toBeNull();
  expect(request.headers.get("content-type")).toBe("application/json");
  expect(await request.json()).toEqual({
    client_id: "client-1",
    username: "ada@example.com",
    authentication_code: { code: "048213", type: "short" },
    credential_name: "Kitchen TV",
  });
});

it("re-issues the wait after 408 wait_timeout and returns the session", async () => {
  const requests = serve(
    () => error(408, "wait_timeout"),
    () => HttpResponse.json(sessionBody),
  );
  const session = await createBrowserClient(service).waitCode(args);
  expect(session.jwt).toBe(sessionBody.jwt);
  expect(requests).toHaveLength(2);
});

it("backs off after 503 service_unavailable, then succeeds", async () => {
  const requests = serve(
    () => error(503, "service_unavailable"),
    () => HttpResponse.json(sessionBody),
  );
  await expect(waitCode(service, args)).resolves.toMatchObject({ jwt: sessionBody.jwt });
  expect(requests).toHaveLength(2);
  expect(requests[1]!.at - requests[0]!.at).toBeGreaterThanOrEqual(240);
});

it("honours Retry-After on a 503", async () => {
  const requests = serve(
    () => error(503, "service_unavailable", { "retry-after": "1" }),
    () => HttpResponse.json(sessionBody),
  );
  await waitCode(service, args);
  expect(requests[1]!.at - requests[0]!.at).toBeGreaterThanOrEqual(990);
});

it("backs off after a network error, then succeeds", async () => {
  const requests = serve(
    () => HttpResponse.error(),
    () => HttpResponse.json(sessionBody),
  );
  await expect(waitCode(service, args)).resolves.toMatchObject({ jwt: sessionBody.jwt });
  expect(requests).toHaveLength(2);
});

it("retries a proxy's 502 without JSON", async () => {
  const requests = serve(
    () => new HttpResponse("<html>Bad gateway</html>", { status: 502, headers: { "content-type": "text/html" } }),
    () => HttpResponse.json(sessionBody),
  );
  await waitCode(service, args);
  expect(requests).toHaveLength(2);
});

it("fails with invalid_response on a malformed 200, without retrying (the code is spent)", async () => {
  const requests = serve(() => HttpResponse.json({ ...sessionBody, jwt: "" }));
  const reason = await rejection(waitCode(service, args));
  expect(reason.code).toBe("invalid_response");
  expect(reason.status).toBe(200);
  expect(requests).toHaveLength(1);
});

describe("fails fast on final answers", () => {
  it.each([
    [410, "code_invalidated"],
    [410, "code_expired"],
    [400, "invalid_code"],
    [403, "origin_not_allowed"],
  ])("%i %s", async (status, code) => {
    const requests = serve(() => error(status, code));
    const reason = await rejection(waitCode(service, args));
    expect(reason).toMatchObject({ code, status });
    expect(requests).toHaveLength(1);
  });

  it("429 too_many_attempts, with retryAfterSeconds", async () => {
    const requests = serve(() => error(429, "too_many_attempts", { "retry-after": "120" }));
    const reason = await rejection(waitCode(service, args));
    expect(reason).toMatchObject({ code: "too_many_attempts", status: 429 });
    expect(reason.details?.retryAfterSeconds).toBe(120);
    expect(requests).toHaveLength(1);
  });
});

it("aborts the request in flight when the caller aborts", async () => {
  const requests: { request: Request }[] = serve(() => neverAnswered(requests)());
  const controller = new AbortController();
  const pending = waitCode(service, { ...args, signal: controller.signal });
  await expect.poll(() => requests.length).toBe(1);
  controller.abort();
  const reason = await rejection(pending);
  expect(reason.code).toBe("aborted");
  expect(requests[0]!.request.signal.aborted).toBe(true);
});

it("rejects at once, without a request, when the signal is already aborted", async () => {
  const requests = serve(() => HttpResponse.json(sessionBody));
  const reason = await rejection(waitCode(service, { ...args, signal: AbortSignal.abort() }));
  expect(reason.code).toBe("aborted");
  expect(requests).toHaveLength(0);
});

it("aborts during a back-off without another request", async () => {
  const requests = serve(() => error(503, "service_unavailable", { "retry-after": "30" }));
  const controller = new AbortController();
  const pending = waitCode(service, { ...args, signal: controller.signal });
  await expect.poll(() => requests.length).toBe(1);
  controller.abort();
  expect((await rejection(pending)).code).toBe("aborted");
  expect(requests).toHaveLength(1);
});

it("stops re-issuing once the code's expiresAt has passed", async () => {
  const requests = serve(() => error(408, "wait_timeout"));
  const expiresAt = new Date(Date.now() + 1_200).toISOString();
  const reason = await rejection(waitCode(service, { ...args, expiresAt }));
  expect(reason.code).toBe("code_expired");
  expect(reason.details?.expiresAt).toBe(expiresAt);
  const count = requests.length;
  expect(count).toBeGreaterThanOrEqual(2);
  expect(count).toBeLessThanOrEqual(4); // instant 408s are re-issued at most every 0.5 s
  await new Promise((resolve) => setTimeout(resolve, 700));
  expect(requests).toHaveLength(count);
});

it("aborts the request in flight and rejects with timeout when maxWaitMs passes", async () => {
  const requests: { request: Request }[] = serve(() => neverAnswered(requests)());
  const reason = await rejection(waitCode(service, { ...args, maxWaitMs: 300 }));
  expect(reason.code).toBe("timeout");
  expect(requests).toHaveLength(1);
  expect(requests[0]!.request.signal.aborted).toBe(true);
});

it("calls onWait before each request with a growing attempt and shrinking remainder", async () => {
  const requests = serve(
    () => error(408, "wait_timeout"),
    () => error(503, "service_unavailable"),
    () => HttpResponse.json(sessionBody),
  );
  const progress: WaitProgress[] = [];
  const counts: number[] = [];
  await waitCode(service, {
    ...args,
    maxWaitMs: 60_000,
    onWait: (p) => {
      progress.push(p);
      counts.push(requests.length);
    },
  });
  expect(progress.map((p) => p.attempt)).toEqual([1, 2, 3]);
  expect(counts).toEqual([0, 1, 2]);
  expect(progress[0]!.elapsedMs).toBeLessThan(100);
  for (let i = 1; i < progress.length; i++) {
    expect(progress[i]!.elapsedMs).toBeGreaterThan(progress[i - 1]!.elapsedMs);
    expect(progress[i]!.remainingMs).toBeLessThan(progress[i - 1]!.remainingMs);
  }
  expect(progress[0]!.remainingMs).toBeGreaterThan(59_000);
});

describe("rejects bad arguments with invalid_argument before any request", () => {
  it.each([
    ["an empty username", { ...args, username: "" }],
    ["a username with a newline", { ...args, username: "ada\n" }],
    ["a code of only dashes", { ...args, code: " - - " }],
    ["a code of 65 characters", { ...args, code: "1".repeat(65) }],
    ["an unknown code type", { ...args, codeType: "medium" }],
    ["a credential name of 129 characters", { ...args, credentialName: "n".repeat(129) }],
    ["an unparsable expiresAt", { ...args, expiresAt: "tomorrow" }],
    ["a negative maxWaitMs", { ...args, maxWaitMs: -1 }],
    ["a zero requestTimeoutMs", { ...args, requestTimeoutMs: 0 }],
    ["a non-function onWait", { ...args, onWait: "progress" }],
    ["no options", undefined],
  ])("%s", async (_name, options) => {
    const requests = serve(() => HttpResponse.json(sessionBody));
    // @ts-expect-error -- deliberately malformed input, as from untyped callers
    const reason = await rejection(waitCode(service, options));
    expect(reason.code).toBe("invalid_argument");
    expect(requests).toHaveLength(0);
  });

  it("a malformed baseUrl", async () => {
    const reason = await rejection(waitCode({ ...service, baseUrl: "auth.test" }, args));
    expect(reason.code).toBe("invalid_argument");
  });
});
