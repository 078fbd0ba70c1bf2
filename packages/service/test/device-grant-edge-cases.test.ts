import { DEVICE_CODE_GRANT_TYPE, oauthErrorSchema, tokenResponseSchema } from "@handoff/types";
import { describe, expect, it } from "vitest";
import { deviceGrantCalls } from "./device-grant-calls.js";
import { useService } from "./helpers.js";

const t = await useService({
  devicePollIntervalSeconds: 1,
  waitTimeoutMs: 1_500,
  maxFailedAttempts: 3,
  maxFailedAttemptsPerAddress: 6,
});
const verificationUri = "https://app.example/device?from=cli";
await t.service.setDeviceGrant(t.clientId, { verificationUri });
const calls = deviceGrantCalls(t);
const userId = await t.createUser("edge@example.com");

// A second service, whose device authorizations expire after 1 s.
const expiring = await useService({
  devicePollIntervalSeconds: 1,
  deviceAuthorizationLifetimeMs: 1_000,
  maxFailedAttemptsPerAddress: 6,
});
await expiring.service.setDeviceGrant(expiring.clientId, { verificationUri });
const expiringCalls = deviceGrantCalls(expiring);
const expiringUser = await expiring.createUser("expiring@example.com");

/** The OAuth error a response carries, after checking its status. */
async function oauthError(response: Response, status = 400): Promise<string> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return oauthErrorSchema.parse(JSON.parse(text)).error;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("RFC 8628 edge cases, over real HTTP", () => {
  it("keeps the verification page's own query in verification_uri_complete", async () => {
    const started = await calls.start();
    expect(started.verification_uri).toBe(verificationUri);
    expect(new URL(started.verification_uri_complete).searchParams.get("from")).toBe("cli");
    expect(new URL(started.verification_uri_complete).searchParams.get("user_code")).toBe(started.user_code);
  });

  it("answers slow_down to a poll sooner than the interval, and the interval grows by 5 s for good", async () => {
    const { device_code: deviceCode } = await calls.start();
    expect(await oauthError(await calls.poll(deviceCode))).toBe("authorization_pending");
    const fast = await calls.poll(deviceCode);
    expect(await oauthError(fast)).toBe("slow_down");
    // One interval (1 s) later is still too soon: it is 6 s now.
    await sleep(1_100);
    expect(await oauthError(await calls.poll(deviceCode))).toBe("slow_down");
    // The backend may also look one up without naming a user (counted per client then).
    const shown = await calls.decide("retrieve", (await calls.start()).user_code);
    expect(await shown.json()).toMatchObject({ status: "pending" });
  });

  it("issues tokens once: a second redemption is invalid_grant", async () => {
    const started = await calls.start();
    expect((await calls.decide("approve", started.user_code, userId)).status).toBe(200);
    const first = await calls.poll(started.device_code);
    expect(first.status).toBe(200);
    const tokens = tokenResponseSchema.parse(await first.json());
    expect(tokens).toMatchObject({ token_type: "Bearer", expires_in: 900 });
    expect(tokens.id_token).toBeUndefined();
    expect(first.headers.get("cache-control")).toBe("no-store");
    await sleep(1_000);
    expect(await oauthError(await calls.poll(started.device_code))).toBe("invalid_grant");
    // Approving or denying it again is refused as well.
    expect((await calls.decide("approve", started.user_code, userId)).status).toBe(400);
    expect((await calls.decide("deny", started.user_code, userId)).status).toBe(400);
  });

  it("answers access_denied after a denial, on every later poll", async () => {
    const started = await calls.start();
    const denied = await calls.decide("deny", started.user_code, userId);
    expect(await denied.json()).toMatchObject({ status: "denied" });
    expect(await oauthError(await calls.poll(started.device_code))).toBe("access_denied");
    await sleep(1_000);
    expect(await oauthError(await calls.poll(started.device_code))).toBe("access_denied");
  });

  it("refuses another client's device code (invalid_grant), unknown clients and clients without the grant", async () => {
    const started = await calls.start();
    const other = await t.service.createClient({ name: "other", deviceGrant: { verificationUri } });
    expect(await oauthError(await calls.poll(started.device_code, { client_id: other.clientId }))).toBe(
      "invalid_grant",
    );
    expect(await oauthError(await calls.poll(started.device_code, { client_id: "nobody" }), 401)).toBe(
      "invalid_client",
    );
    const plain = await t.service.createClient({ name: "no device grant" });
    const refused = await calls.form("/oauth/device_authorization", { client_id: plain.clientId });
    expect(await oauthError(refused)).toBe("unauthorized_client");
    // The other client's backend cannot approve it either: the user code is bound to its client.
    const response = await t.post(
      "/api/native/device-authorizations/approve",
      { client_id: t.clientId, user_code: started.user_code, user_id: userId },
      { token: await t.token("device_authorizations.approve") },
    );
    expect(response.status).toBe(200); // its own client: fine
  });

  it("validates the requests: grant type, device code, scope, repeated parameters, content type, HTTP Basic", async () => {
    const started = await calls.start();
    const grant = await calls.form("/oauth/token", { grant_type: "authorization_code", client_id: t.clientId });
    expect(await oauthError(grant)).toBe("unsupported_grant_type");
    const missing = await calls.form("/oauth/token", { grant_type: DEVICE_CODE_GRANT_TYPE, client_id: t.clientId });
    expect(await oauthError(missing)).toBe("invalid_request");
    expect(
      await oauthError(await calls.form("/oauth/device_authorization", { client_id: t.clientId, scope: "admin" })),
    ).toBe("invalid_scope");
    const twice = await fetch(`${t.service.url}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `grant_type=${encodeURIComponent(DEVICE_CODE_GRANT_TYPE)}&client_id=${t.clientId}&device_code=${started.device_code}&device_code=x`,
    });
    expect(await oauthError(twice)).toBe("invalid_request");
    const json = await t.post("/oauth/token", { grant_type: DEVICE_CODE_GRANT_TYPE });
    expect(await oauthError(json, 415)).toBe("invalid_request");
    const withBasic = await calls.form(
      "/oauth/token",
      { grant_type: DEVICE_CODE_GRANT_TYPE, device_code: started.device_code },
      { authorization: `Basic ${btoa(`${t.clientId}:secret`)}` },
    );
    expect(await oauthError(withBasic, 401)).toBe("invalid_client");
    const get = await fetch(`${t.service.url}/oauth/token`);
    expect(await oauthError(get, 405)).toBe("invalid_request");
  });

  it("expires: expired_token to the device, code_expired to the backend", async () => {
    const started = await expiringCalls.start();
    await sleep(1_100);
    expect(await oauthError(await expiringCalls.poll(started.device_code))).toBe("expired_token");
    const late = await expiringCalls.decide("approve", started.user_code, expiringUser);
    expect(late.status).toBe(410);
    expect(await late.json()).toMatchObject({ code: "code_expired" });
  });
});

describe("floods", () => {
  it("refuses a polling flood with a valid device code: slow_down counts against the address, then 429", async () => {
    const started = await expiringCalls.start();
    const answers: string[] = [];
    // The address may send 6 wrong codes here (maxFailedAttemptsPerAddress); each too-soon poll is one.
    for (let i = 0; i < 8; i++) {
      const response = await expiringCalls.poll(started.device_code);
      const body = oauthErrorSchema.parse(await response.json());
      answers.push(`${response.status} ${body.error}`);
    }
    expect(answers[0]).toBe("400 authorization_pending");
    expect(answers).toContain("400 slow_down");
    expect(answers.at(-1)).toBe("429 temporarily_unavailable");
  });
});

describe("handoff_wait: the token request held until the user decides (extension)", () => {
  it("answers the tokens as soon as the backend approves", async () => {
    const started = await calls.start({ scope: "openid" });
    const held = calls.poll(started.device_code, { handoff_wait: "true" });
    await sleep(200);
    expect(t.service.pendingWaits).toBe(1);
    const before = Date.now();
    expect((await calls.decide("approve", started.user_code, userId)).status).toBe(200);
    const response = await held;
    expect(Date.now() - before).toBeLessThan(1_000);
    const tokens = tokenResponseSchema.parse(await response.json());
    expect(tokens.scope).toBe("openid");
    expect(typeof tokens.id_token).toBe("string");
    expect(t.service.pendingWaits).toBe(0);
  });

  it("answers access_denied on a denial, and authorization_pending when its hold time ends", async () => {
    const denied = await calls.start();
    const held = calls.poll(denied.device_code, { handoff_wait: "true" });
    await sleep(200);
    await calls.decide("deny", denied.user_code, userId);
    expect(await oauthError(await held)).toBe("access_denied");

    const pending = await calls.start();
    const before = Date.now();
    expect(await oauthError(await calls.poll(pending.device_code, { handoff_wait: "true" }))).toBe(
      "authorization_pending",
    );
    expect(Date.now() - before).toBeGreaterThanOrEqual(1_400);
    expect(t.service.pendingWaits).toBe(0);
  });
});

describe("the backend's calls: binding, users, wrong user codes", () => {
  it("refuses a deactivated user, an unknown one, and a token bound to another user", async () => {
    const started = await calls.start();
    const other = await t.createUser("other-edge@example.com");
    const bound = await calls.decide("approve", started.user_code, userId, { user_id: other });
    expect(bound.status).toBe(403);
    expect((await calls.decide("approve", started.user_code, "no-such-user")).status).toBe(404);
    const deactivated = await t.createUser("deactivated-edge@example.com");
    const off = await fetch(`${t.service.url}/api/native/manage/users/${deactivated}/deactivate`, {
      method: "PUT",
      headers: { authorization: `Bearer ${await t.token("users.deactivate")}` },
    });
    expect(off.status).toBe(200);
    const refused = await calls.decide("approve", started.user_code, deactivated);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: "user_deactivated" });
  });

  it("gives no tokens when the approving user was deleted before the device redeemed them", async () => {
    const started = await calls.start();
    const doomed = await t.createUser("doomed-edge@example.com");
    expect((await calls.decide("approve", started.user_code, doomed)).status).toBe(200);
    const deleted = await fetch(`${t.service.url}/api/native/manage/users/${doomed}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${await t.token("users.delete")}` },
    });
    expect(deleted.status).toBe(200);
    expect(await oauthError(await calls.poll(started.device_code))).toBe("invalid_grant");
  });

  it("counts wrong user codes per user (maxFailedAttempts), then 429 with Retry-After, even for a right code", async () => {
    const guesser = await t.createUser("guesser-edge@example.com");
    const started = await calls.start();
    for (let i = 0; i < 2; i++) {
      const wrong = await calls.decide("retrieve", "BBBB-BBBB", guesser);
      expect(wrong.status).toBe(400);
      expect(await wrong.json()).toMatchObject({ code: "invalid_code" });
    }
    // A right code gives its attempt back and counts nothing.
    expect((await calls.decide("retrieve", started.user_code, guesser)).status).toBe(200);
    const third = await calls.decide("retrieve", "not a code", guesser);
    expect(third.status).toBe(429);
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
    const locked = await calls.decide("approve", started.user_code, guesser);
    expect(locked.status).toBe(429);
    // Another user of the client is not locked out.
    expect((await calls.decide("retrieve", started.user_code, userId)).status).toBe(200);
  });

  it("counts wrong user codes per client when the backend names no user", async () => {
    for (let i = 0; i < 5; i++) expect((await expiringCalls.decide("retrieve", "CCCC-CCCC")).status).toBe(400);
    expect((await expiringCalls.decide("deny", "CCCC-CCCC")).status).toBe(429);
  });
});
