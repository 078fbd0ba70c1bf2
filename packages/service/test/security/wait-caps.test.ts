import type { CodeType } from "@handoff/types";
import { describe, expect, it } from "vitest";
import { heldWaitCounts } from "../../src/start-service.js";
import { type TestService, useService } from "../helpers.js";
import { codeCalls, freshName, outcome, wrongCode } from "./code-calls.js";

// Issue 14, item 7: one client held 16.9k waits on one code (~1 GB). Waits are now capped per
// code (default 4) and per client address (6 here, default 64), per service instance.
const MAX_PER_ADDRESS = 6;
const t = await useService({ trustProxy: true, maxWaitsPerAddress: MAX_PER_ADDRESS });
const direct = await useService({ maxWaitsPerAddress: 2 });
const ends = await useService({ waitTimeoutMs: 2_000, codeLifetimeMs: { long: 1_500 } });
/** Closed by its test (closing again after all tests is a no-op). */
const closing = await useService();
const purpose = "temporary_authentication";

/** A wait held open, and the way to drop it as a closed tab would. */
interface OpenWait {
  response: Promise<Response | "aborted">;
  drop(): void;
}

/** Opens a wait on `service` from `address` (`X-Forwarded-For`; the socket's address without one). */
function openWait(service: TestService, username: string, code: string, address?: string, type: CodeType = "short") {
  const controller = new AbortController();
  const response = fetch(`${service.service.url}/api/native/authenticate/code/wait`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(address ? { "x-forwarded-for": address } : {}) },
    body: JSON.stringify({ client_id: service.clientId, username, authentication_code: { code, type } }),
    signal: controller.signal,
  }).catch((error: unknown) => {
    if (controller.signal.aborted) return "aborted" as const;
    throw error;
  });
  return { response, drop: () => controller.abort() } satisfies OpenWait;
}

/** Opens `count` waits and returns once the service holds them all. */
async function holdWaits(service: TestService, count: number, open: (i: number) => OpenWait): Promise<OpenWait[]> {
  const before = service.service.pendingWaits;
  const waits = Array.from({ length: count }, (_, i) => open(i));
  await expect.poll(() => service.service.pendingWaits).toBe(before + count);
  return waits;
}

/** The answer of a wait the service refused at once. */
async function refused(wait: OpenWait): Promise<Response> {
  const response = await wait.response;
  if (response === "aborted") return expect.fail("the wait was aborted, not answered");
  return response;
}

/** Expects the cap's `429`: `too_many_attempts`, this message, and `Retry-After` (one hold time). */
async function expectCapped(wait: OpenWait, message: string, retryAfterSeconds = 120) {
  const response = await refused(wait);
  expect(response.status).toBe(429);
  expect(response.headers.get("retry-after")).toBe(String(retryAfterSeconds));
  expect(await response.json()).toEqual({ code: "too_many_attempts", message });
}

const ON_THIS_CODE = "Too many waits are open on this code; close one and call again.";
const FROM_THIS_ADDRESS = "Too many waits are open from this address; close one and call again.";

/** Drops every wait and checks the service holds nothing afterwards: no wait, no count. */
async function dropAll(service: TestService, waits: OpenWait[]) {
  for (const wait of waits) wait.drop();
  await Promise.all(waits.map((wait) => wait.response));
  await expect.poll(() => service.service.pendingWaits).toBe(0);
  expect(heldWaitCounts(service.service)).toEqual({ codes: 0, addresses: 0 });
}

/** A new user with one fresh code (or more). */
async function userWithCodes(service: TestService, label: string, count = 1, type: CodeType = "short") {
  const calls = codeCalls(service);
  const name = freshName(label);
  const id = await calls.createUser(name);
  const codes: string[] = [];
  for (let i = 0; i < count; i++) codes.push((await calls.generate(id, type, purpose)).code);
  return { id, name, codes };
}

describe("waits are capped per code and per client address (issue 14, item 7)", () => {
  it("the fifth wait on one code gets 429 too_many_attempts with Retry-After while four are held; dropping one lets a new one in", async () => {
    const user = await userWithCodes(t, "per-code");
    const [code] = user.codes as [string];
    const held = await holdWaits(t, 4, () => openWait(t, user.name, code, "198.51.100.1"));
    expect(heldWaitCounts(t.service)).toEqual({ codes: 1, addresses: 1 });

    await expectCapped(openWait(t, user.name, code, "198.51.100.1"), ON_THIS_CODE);
    // From another address too: the cap is the code's.
    await expectCapped(openWait(t, user.name, code, "203.0.113.1"), ON_THIS_CODE);
    expect(t.service.pendingWaits).toBe(4);

    held[0]?.drop();
    expect(await held[0]?.response).toBe("aborted");
    await expect.poll(() => t.service.pendingWaits).toBe(3);
    const again = await holdWaits(t, 1, () => openWait(t, user.name, code, "198.51.100.1"));
    await dropAll(t, [...held.slice(1), ...again]);
  });

  it("another code of the same user is unaffected by a full code, until the address cap", async () => {
    const user = await userWithCodes(t, "same-user", 2);
    const [first, second] = user.codes as [string, string];
    const onFirst = await holdWaits(t, 4, () => openWait(t, user.name, first, "198.51.100.2"));
    await expectCapped(openWait(t, user.name, first, "198.51.100.2"), ON_THIS_CODE);
    const onSecond = await holdWaits(t, MAX_PER_ADDRESS - 4, () => openWait(t, user.name, second, "198.51.100.2"));
    await expectCapped(openWait(t, user.name, second, "198.51.100.2"), FROM_THIS_ADDRESS);
    await dropAll(t, [...onFirst, ...onSecond]);
  });

  it("the address cap holds over the codes of many users; a wrong code from a full address is answered, never held", async () => {
    const users = await Promise.all(Array.from({ length: MAX_PER_ADDRESS + 1 }, () => userWithCodes(t, "many")));
    const held = await holdWaits(t, MAX_PER_ADDRESS, (i) => {
      const user = users[i] as (typeof users)[number];
      return openWait(t, user.name, user.codes[0] as string, "198.51.100.3");
    });
    expect(heldWaitCounts(t.service)).toEqual({ codes: MAX_PER_ADDRESS, addresses: 1 });
    const last = users[MAX_PER_ADDRESS] as (typeof users)[number];
    const code = last.codes[0] as string;
    await expectCapped(openWait(t, last.name, code, "198.51.100.3"), FROM_THIS_ADDRESS);
    const wrong = await refused(openWait(t, last.name, wrongCode(code, "short", 1), "198.51.100.3"));
    expect(await outcome(wrong)).toEqual({ status: 400, code: "invalid_code" });
    await dropAll(t, held);
  });

  it("with trustProxy each X-Forwarded-For address has its own cap; an IPv6 address counts as its /64", async () => {
    const user = await userWithCodes(t, "proxied", 4);
    const codeFor = (i: number) => user.codes[Math.floor(i / 2)] as string;
    // Six waits (two codes) fill 198.51.100.4; 198.51.100.5 still gets its own.
    const fromFirst = await holdWaits(t, MAX_PER_ADDRESS, (i) =>
      openWait(t, user.name, user.codes[i % 2] as string, "198.51.100.4"),
    );
    await expectCapped(openWait(t, user.name, user.codes[2] as string, "198.51.100.4"), FROM_THIS_ADDRESS);
    const fromSecond = await holdWaits(t, 2, () => openWait(t, user.name, user.codes[2] as string, "198.51.100.5"));
    await dropAll(t, [...fromFirst, ...fromSecond]);

    // Six addresses of one /64 share one cap; the next /64 has its own.
    const sameNetwork = await holdWaits(t, MAX_PER_ADDRESS, (i) =>
      openWait(t, user.name, codeFor(i), `2001:db8:1:1::${i + 1}`),
    );
    await expectCapped(openWait(t, user.name, user.codes[3] as string, "2001:db8:1:1:ffff::9"), FROM_THIS_ADDRESS);
    const nextNetwork = await holdWaits(t, 1, () => openWait(t, user.name, user.codes[3] as string, "2001:db8:1:2::1"));
    await dropAll(t, [...sameNetwork, ...nextNetwork]);
  });

  it("without trustProxy, X-Forwarded-For is ignored: every wait counts for the socket's address", async () => {
    const user = await userWithCodes(direct, "direct", 2);
    const held = await holdWaits(direct, 2, (i) =>
      openWait(direct, user.name, user.codes[i] as string, `198.51.100.${10 + i}`),
    );
    await expectCapped(openWait(direct, user.name, user.codes[1] as string, "198.51.100.99"), FROM_THIS_ADDRESS);
    await dropAll(direct, held);
  });
});

describe("every end of a wait gives its slot back", () => {
  const calls = codeCalls(ends);

  /** Holds one wait, ends it with `end`, and checks its answer and that nothing stays counted. */
  async function endOne(type: CodeType, end: (user: { id: string; code: string }) => Promise<void>) {
    const user = await userWithCodes(ends, `end-${type}`, 1, type);
    const code = user.codes[0] as string;
    const [wait] = (await holdWaits(ends, 1, () => openWait(ends, user.name, code, undefined, type))) as [OpenWait];
    expect(heldWaitCounts(ends.service)).toEqual({ codes: 1, addresses: 1 });
    await end({ id: user.id, code });
    const response = await wait.response;
    expect(ends.service.pendingWaits).toBe(0);
    expect(heldWaitCounts(ends.service)).toEqual({ codes: 0, addresses: 0 });
    return response === "aborted" ? response : outcome(response);
  }

  it("authorized, timed out, expired, invalidated", async () => {
    const authorized = await endOne("short", async ({ id, code }) => {
      expect((await calls.authorize(id, code, "short", purpose)).status).toBe(200);
    });
    expect(authorized).toMatchObject({ status: 200 });
    expect(await endOne("short", async () => {})).toEqual({ status: 408, code: "wait_timeout" });
    expect(await endOne("long", async () => {})).toEqual({ status: 410, code: "code_expired" });
    const invalidated = await endOne("short", async ({ id }) => {
      expect((await calls.invalidate(id, "short", purpose)).status).toBe(200);
    });
    expect(invalidated).toEqual({ status: 410, code: "code_invalidated" });
  });

  it("aborted by the client, and the service closing", async () => {
    const user = await userWithCodes(ends, "end-abort");
    const [aborted] = await holdWaits(ends, 1, () => openWait(ends, user.name, user.codes[0] as string));
    await dropAll(ends, [aborted as OpenWait]);

    const other = await userWithCodes(closing, "end-closing");
    const [wait] = (await holdWaits(closing, 1, () => openWait(closing, other.name, other.codes[0] as string))) as [
      OpenWait,
    ];
    expect(heldWaitCounts(closing.service)).toEqual({ codes: 1, addresses: 1 });
    await closing.service.close();
    expect(await outcome(await refused(wait))).toEqual({ status: 503, code: "service_unavailable" });
    expect(heldWaitCounts(closing.service)).toEqual({ codes: 0, addresses: 0 });
  });
});
