import { type CodeType, listPendingCodesResponseSchema } from "@handoff/types";
import { describe, expect, it } from "vitest";
import { useService } from "../helpers.js";
import { anotherClient, codeCalls, freshName, outcome } from "./code-calls.js";

// RFC 8628 §5.4 (remote phishing): the approving device must be able to show what it approves.
const t = await useService({ waitTimeoutMs: 300 });
const proxied = await useService({ waitTimeoutMs: 300, trustProxy: true });
const calls = codeCalls(t);
const purpose = "temporary_authentication";

async function newUser(label: string) {
  const name = freshName(label);
  return { id: await calls.createUser(name), name };
}

/** Calls the wait as a device with this user agent (and headers); it answers 408 after 300 ms. */
function waitAs(
  service: typeof t,
  username: string,
  code: string,
  type: CodeType,
  headers: Record<string, string>,
): Promise<Response> {
  return service.post(
    "/api/native/authenticate/code/wait",
    { client_id: service.clientId, username, authentication_code: { code, type } },
    { headers },
  );
}

async function listPending(service: typeof t, userId: string, type: CodeType, scope = "codes.authorize" as const) {
  return service.post(
    `/api/native/codes/${type}/pending`,
    { client_id: service.clientId, user_id: userId, purpose },
    { token: await service.token(scope, { user_id: userId }) },
  );
}

async function pendingCodes(service: typeof t, userId: string, type: CodeType) {
  const response = await listPending(service, userId, type);
  expect(response.status).toBe(200);
  const text = await response.text();
  return { text, codes: listPendingCodesResponseSchema.parse(JSON.parse(text)).codes };
}

describe("the approving device sees who is waiting on a code (RFC 8628 §5.4)", () => {
  it("lists the requester's user agent, IP and time; the first wait wins; never the code", async () => {
    const user = await newUser("phished");
    const { code, expires_at } = await calls.generate(user.id, "short", purpose);

    const before = await pendingCodes(t, user.id, "short");
    expect(before.codes).toEqual([
      { created_at: expect.any(String), expires_at, is_authorized: false, requester: null },
    ]);

    const started = Date.now();
    expect((await waitAs(t, user.name, code, "short", { "user-agent": "Victim Browser/1.0" })).status).toBe(408);
    // A second device (the phisher's, say) waiting on the same code does not replace the first.
    expect((await waitAs(t, user.name, code, "short", { "user-agent": "Attacker/6.6" })).status).toBe(408);

    const { text, codes } = await pendingCodes(t, user.id, "short");
    expect(codes).toHaveLength(1);
    const requester = codes[0]?.requester;
    expect(requester?.user_agent).toBe("Victim Browser/1.0");
    expect(requester?.ip).toMatch(/^(127\.0\.0\.1|::ffff:127\.0\.0\.1|::1)$/);
    const seenAt = Date.parse(requester?.seen_at ?? "");
    expect(seenAt).toBeGreaterThanOrEqual(started - 1_000);
    expect(seenAt).toBeLessThanOrEqual(Date.now());

    // Never the code or its hash (nor anything else keyed by the code).
    expect(text).not.toContain(code);
    const raw = JSON.parse(text) as { codes: Record<string, unknown>[] };
    expect(Object.keys(raw.codes[0] ?? {}).sort()).toEqual(["created_at", "expires_at", "is_authorized", "requester"]);
  });

  it("keeps at most 256 characters of the user agent", async () => {
    const user = await newUser("long-agent");
    const { code } = await calls.generate(user.id, "long", purpose);
    await waitAs(t, user.name, code, "long", { "user-agent": `A${"x".repeat(400)}` });
    const { codes } = await pendingCodes(t, user.id, "long");
    expect(codes[0]?.requester?.user_agent).toHaveLength(256);
  });

  it("ignores X-Forwarded-For unless the service trusts a proxy", async () => {
    const user = await newUser("forwarded");
    const { code } = await calls.generate(user.id, "short", purpose);
    await waitAs(t, user.name, code, "short", { "x-forwarded-for": "198.51.100.9" });
    expect((await pendingCodes(t, user.id, "short")).codes[0]?.requester?.ip).not.toBe("198.51.100.9");

    const proxiedCalls = codeCalls(proxied);
    const name = freshName("behind-proxy");
    const id = await proxiedCalls.createUser(name);
    const generated = await proxiedCalls.generate(id, "short", purpose);
    await waitAs(proxied, name, generated.code, "short", { "x-forwarded-for": "198.51.100.9, 10.0.0.1" });
    expect((await pendingCodes(proxied, id, "short")).codes[0]?.requester?.ip).toBe("198.51.100.9");
  });

  it("lists only live codes: a wrong code records nothing, consumed and invalidated codes drop out", async () => {
    const user = await newUser("live-only");
    const { code } = await calls.generate(user.id, "phrase", purpose, true);
    const wrong = await waitAs(t, user.name, "zzz000", "phrase", { "user-agent": "Guesser" });
    expect(wrong.status).toBe(400);
    expect((await pendingCodes(t, user.id, "phrase")).codes[0]?.requester).toBeNull();
    expect((await waitAs(t, user.name, code, "phrase", { "user-agent": "Owner" })).status).toBe(200);
    expect((await pendingCodes(t, user.id, "phrase")).codes).toEqual([]);

    await calls.generate(user.id, "phrase", purpose);
    expect((await pendingCodes(t, user.id, "phrase")).codes).toHaveLength(1);
    expect((await calls.invalidate(user.id, "phrase", purpose)).status).toBe(200);
    expect((await pendingCodes(t, user.id, "phrase")).codes).toEqual([]);
  });

  it("needs the codes.authorize scope, and lists only the user's own codes", async () => {
    const owner = await newUser("owner");
    const other = await newUser("other");
    await calls.generate(owner.id, "short", purpose);
    for (const scope of ["codes.generate", "codes.invalidate", "auth.temporary"] as const) {
      const response = await t.post(
        "/api/native/codes/short/pending",
        { client_id: t.clientId, user_id: owner.id, purpose },
        { token: await t.token(scope) },
      );
      expect(await outcome(response)).toEqual({ status: 403, code: "forbidden" });
    }
    expect(await outcome(await t.post("/api/native/codes/short/pending", {}))).toMatchObject({ status: 401 });
    expect((await pendingCodes(t, other.id, "short")).codes).toEqual([]);
    // A token bound to the other user cannot list the owner's codes.
    const bound = await t.post(
      "/api/native/codes/short/pending",
      { client_id: t.clientId, user_id: owner.id, purpose },
      { token: await t.token("codes.authorize", { user_id: other.id }) },
    );
    expect(await outcome(bound)).toEqual({ status: 403, code: "forbidden" });
    // Another client cannot list them either: the user is not in its namespace.
    const foreign = await anotherClient(t);
    const fromForeign = await foreign.post(
      "/api/native/codes/short/pending",
      { client_id: foreign.clientId, user_id: owner.id, purpose },
      { token: await foreign.token("codes.authorize") },
    );
    expect(await outcome(fromForeign)).toEqual({ status: 404, code: "user_not_found" });
  });
});
