import { authenticationResponseSchema, isHandoffError } from "@handoff/types";
import { describe, expect, it } from "vitest";
import { createServerClient } from "../src/index.js";
import { useService } from "./helpers.js";

const t = await useService({ waitTimeoutMs: 5_000, maxFailedAttempts: 3 });
const purpose = "temporary_authentication";

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isHandoffError(error)) throw new Error(`expected a HandoffError, got ${String(error)}`);
  return error;
}

async function pendingWaits(count: number) {
  for (let i = 0; i < 100 && t.service.pendingWaits !== count; i++) await new Promise((r) => setTimeout(r, 10));
  expect(t.service.pendingWaits).toBe(count);
}

describe("one-time authentication through @handoff/server against the real service", () => {
  it("createUser → getUserID → generateCode → wait → authorizeCode → verifyToken", async () => {
    const { handoff } = t;
    const created = await handoff.createUser("alice@example.com");
    expect(created).toMatchObject({ username: "alice@example.com" });
    expect(created.createdAt).toBeInstanceOf(Date);

    const profile = await handoff.getUserID("alice@example.com");
    expect(profile).toEqual(created);

    const generated = await handoff.generateCode({ userId: profile.id, codeType: "short", purpose });
    expect(generated.code).toMatch(/^\d{6}$/);
    expect(generated.isAuthorized).toBe(false);
    expect(generated.expiresAt.getTime()).toBeGreaterThan(Date.now());

    const waiting = t.wait("alice@example.com", generated.code, "short");
    await pendingWaits(1);

    // Typed the way a person would: spaces and a dash are normalised away.
    const typed = `${generated.code.slice(0, 3)} - ${generated.code.slice(3)}`;
    const authorized = await handoff.authorizeCode({ userId: profile.id, code: typed, codeType: "short", purpose });
    expect(authorized.isAuthorized).toBe(true);
    expect(authorized.expiresAt).toEqual(generated.expiresAt);

    const response = await waiting;
    expect(response.status).toBe(200);
    const session = authenticationResponseSchema.parse(await response.json());

    const claims = await handoff.verifyToken(session.jwt, { username: "alice@example.com" });
    expect(claims).toMatchObject({
      userId: profile.id,
      username: "alice@example.com",
      clientId: t.clientId,
      issuer: t.service.url,
    });
    expect(claims.expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(claims.issuedAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(claims.tokenId).not.toBe("");
    // A one-time sign-in says so: the backend can keep such a session from approving other devices.
    expect(claims.credential).toEqual({ type: "code", id: session.credential.uuid });
  });

  it("works the same with the PEM form of the key and a trailing slash in baseUrl", async () => {
    const handoff = createServerClient({
      baseUrl: `${t.service.url}/`,
      clientId: t.clientId,
      privateKey: t.privateKeyPem,
    });
    const user = await handoff.createUser("pem@example.com");
    const { code } = await handoff.generateCode({ userId: user.id, codeType: "phrase", purpose, authorize: true });
    const response = await t.wait("pem@example.com", code, "phrase");
    expect(response.status).toBe(200);
    const { jwt } = authenticationResponseSchema.parse(await response.json());
    expect((await handoff.verifyToken(jwt)).userId).toBe(user.id);
  });

  it("deny: invalidateAllCodes answers the pending wait with code_invalidated", async () => {
    const { handoff } = t;
    const user = await handoff.createUser("dave@example.com");
    const { code } = await handoff.generateCode({ userId: user.id, codeType: "long", purpose });
    const waiting = t.wait("dave@example.com", code, "long");
    await pendingWaits(1);
    const { deletedAt } = await handoff.invalidateAllCodes({ userId: user.id, codeType: "long", purpose });
    expect(deletedAt).toBeInstanceOf(Date);
    const response = await waiting;
    expect(response.status).toBe(410);
    expect(await response.json()).toMatchObject({ code: "code_invalidated" });
    const error = await rejection(handoff.authorizeCode({ userId: user.id, code, codeType: "long", purpose }));
    expect(error).toMatchObject({ code: "invalid_code", status: 400 });
  });

  it("lock-out surfaces as too_many_attempts with retryAfterSeconds", async () => {
    const { handoff } = t;
    const user = await handoff.createUser("erin@example.com");
    const { code } = await handoff.generateCode({ userId: user.id, codeType: "short", purpose });
    const wrong = code === "000000" ? "111111" : "000000";
    const attempt = (value: string) =>
      rejection(handoff.authorizeCode({ userId: user.id, code: value, codeType: "short", purpose }));
    expect(await attempt(wrong)).toMatchObject({ code: "invalid_code", status: 400 });
    expect(await attempt(wrong)).toMatchObject({ code: "invalid_code", status: 400 });
    const locked = await attempt(wrong);
    expect(locked).toMatchObject({ code: "too_many_attempts", status: 429 });
    expect(locked.details?.retryAfterSeconds).toBeGreaterThan(0);
    expect(locked.details?.path).toBe("/api/native/codes/short/authorize");
    // The right code no longer helps while locked out.
    expect(await attempt(code)).toMatchObject({ code: "too_many_attempts" });
  });

  it("maps the service's errors: user_not_found, user_exists, invalid_token", async () => {
    const { handoff } = t;
    expect(await rejection(handoff.getUserID("nobody@example.com"))).toMatchObject({
      code: "user_not_found",
      status: 404,
      details: { path: "/api/native/manage/users/retrieve" },
    });
    await handoff.createUser("frank@example.com");
    expect(await rejection(handoff.createUser("frank@example.com"))).toMatchObject({
      code: "user_exists",
      status: 409,
    });

    // A key the service does not know for this client: every token is refused.
    const other = await t.otherClient();
    const impostor = t.client({ privateKey: other.privateKey });
    expect(await rejection(impostor.getUserID("frank@example.com"))).toMatchObject({
      code: "invalid_token",
      status: 401,
    });
  });

  it("clients are isolated: another client's user is not found", async () => {
    const other = await t.otherClient();
    await t.handoff.createUser("grace@example.com");
    expect(await rejection(other.handoff.getUserID("grace@example.com"))).toMatchObject({ code: "user_not_found" });
  });
});
