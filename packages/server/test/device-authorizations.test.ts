import { DEVICE_CODE_GRANT_TYPE, deviceAuthorizationResponseSchema, isHandoffError } from "@handoff/types";
import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { useService } from "./helpers.js";

const t = await useService({ devicePollIntervalSeconds: 1, maxFailedAttempts: 3 });
await t.service.setDeviceGrant(t.clientId, { verificationUri: "https://app.example/device" });

/** A device (any OAuth client) starts a device authorization, as `NewTV/1.0`. */
async function startOnDevice(scope?: string) {
  const response = await fetch(`${t.service.url}/oauth/device_authorization`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "user-agent": "NewTV/1.0" },
    body: new URLSearchParams({ client_id: t.clientId, ...(scope ? { scope } : {}) }).toString(),
  });
  return deviceAuthorizationResponseSchema.parse(await response.json());
}

/** The device's token request. */
async function poll(deviceCode: string) {
  const response = await fetch(`${t.service.url}/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ client_id: t.clientId, grant_type: DEVICE_CODE_GRANT_TYPE, device_code: deviceCode }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isHandoffError(error)) throw new Error(`expected a HandoffError, got ${String(error)}`);
  return error;
}

describe("device authorizations through @handoff/server against the real service", () => {
  it("shows the requesting device, then approves it for the signed-in user", async () => {
    const user = await t.handoff.createUser("approver@example.com");
    const started = await startOnDevice("openid");
    const typed = started.user_code.toLowerCase();

    const shown = await t.handoff.getDeviceAuthorization({ userCode: typed, userId: user.id });
    expect(shown).toEqual({
      status: "pending",
      scopes: ["openid"],
      createdAt: expect.any(Date),
      expiresAt: expect.any(Date),
      requester: { userAgent: "NewTV/1.0", ip: expect.stringMatching(/127\.0\.0\.1|::1/), seenAt: expect.any(Date) },
    });
    expect(JSON.stringify(shown)).not.toContain(started.user_code);

    const approved = await t.handoff.approveDeviceAuthorization({ userCode: typed, userId: user.id });
    expect(approved.status).toBe("approved");
    const { status, body } = await poll(started.device_code);
    expect(status).toBe(200);
    expect(decodeJwt(String(body.access_token))).toMatchObject({ sub: user.id, aud: t.clientId });
    expect((await t.handoff.verifyToken(String(body.access_token))).userId).toBe(user.id);
  });

  it("denies: the device hears access_denied, and the decision is final", async () => {
    const started = await startOnDevice();
    expect((await t.handoff.denyDeviceAuthorization({ userCode: started.user_code })).status).toBe("denied");
    expect((await poll(started.device_code)).body).toMatchObject({ error: "access_denied" });
    const user = await t.handoff.createUser("late@example.com");
    const error = await rejection(
      t.handoff.approveDeviceAuthorization({ userCode: started.user_code, userId: user.id }),
    );
    expect(error).toMatchObject({ code: "invalid_code", status: 400 });
  });

  it("checks arguments before sending, and wrong codes lock out the user who types them", async () => {
    const user = await t.handoff.createUser("typist@example.com");
    for (const options of [
      { userCode: "BDWP-HQP0", userId: user.id },
      { userCode: 42, userId: user.id },
      { userCode: "BDWP-HQPK" },
      { userCode: "BDWP-HQPK", userId: "" },
    ]) {
      const error = await rejection(t.handoff.approveDeviceAuthorization(options as never));
      expect(error.code).toBe("invalid_argument");
    }
    expect((await rejection(t.handoff.getDeviceAuthorization(undefined as never))).code).toBe("invalid_argument");
    for (let i = 0; i < 2; i++) {
      const wrong = await rejection(t.handoff.getDeviceAuthorization({ userCode: "BBBB-BBBB", userId: user.id }));
      expect(wrong.code).toBe("invalid_code");
    }
    const locked = await rejection(t.handoff.getDeviceAuthorization({ userCode: "CCCC-CCCC", userId: user.id }));
    expect(locked).toMatchObject({ code: "too_many_attempts", status: 429 });
    expect(locked.details).toMatchObject({ retryAfterSeconds: expect.any(Number) });
  });

  it("is bound to its client: another client's backend cannot see or approve the code", async () => {
    const started = await startOnDevice();
    const other = await t.otherClient();
    const error = await rejection(other.handoff.getDeviceAuthorization({ userCode: started.user_code }));
    expect(error.code).toBe("invalid_code");
  });
});
