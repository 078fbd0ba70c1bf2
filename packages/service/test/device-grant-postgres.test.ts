import { DEVICE_CODE_GRANT_TYPE, deviceAuthorizationResponseSchema, tokenResponseSchema } from "@handoff/types";
import { decodeJwt } from "jose";
import * as oauth from "openid-client";
import { describe, expect, it } from "vitest";
import { type Instance, useTwoInstances } from "./two-instances.js";
import { usePostgres } from "./use-postgres.js";

const server = await usePostgres();
const t = await useTwoInstances(await server.createDatabase(), { devicePollIntervalSeconds: 1, waitTimeoutMs: 10_000 });
await t.one.service.setDeviceGrant(t.clientId, { verificationUri: "https://app.example/device" });
const userId = await t.createUser(t.one, "pg-device@example.com");

function form(on: Instance, path: string, params: Record<string, string>) {
  return fetch(`${on.service.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(params).toString(),
  });
}

async function start(on: Instance) {
  const response = await form(on, "/oauth/device_authorization", { client_id: t.clientId, scope: "openid" });
  expect(response.status).toBe(200);
  return deviceAuthorizationResponseSchema.parse(await response.json());
}

async function approve(on: Instance, userCode: string) {
  return on.post(
    "/api/native/device-authorizations/approve",
    { client_id: t.clientId, user_code: userCode, user_id: userId },
    { token: await t.token("device_authorizations.approve") },
  );
}

describe("RFC 8628 on Postgres, two instances behind one load balancer", () => {
  it("wakes a token request held on one instance when the other approves (LISTEN/NOTIFY)", async () => {
    const started = await start(t.one);
    const held = form(t.two, "/oauth/token", {
      client_id: t.clientId,
      grant_type: DEVICE_CODE_GRANT_TYPE,
      device_code: started.device_code,
      handoff_wait: "true",
    });
    await expect.poll(() => t.two.service.pendingWaits).toBe(1);
    const before = Date.now();
    expect((await approve(t.one, started.user_code)).status).toBe(200);
    const response = await held;
    expect(Date.now() - before).toBeLessThan(2_000);
    const tokens = tokenResponseSchema.parse(await response.json());
    expect(decodeJwt(tokens.access_token)).toMatchObject({ sub: userId, aud: t.clientId });
    // Single use across instances: the first one cannot redeem it again.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const again = await form(t.one, "/oauth/token", {
      client_id: t.clientId,
      grant_type: DEVICE_CODE_GRANT_TYPE,
      device_code: started.device_code,
    });
    expect(await again.json()).toMatchObject({ error: "invalid_grant" });
  });

  it("serves a stock client that discovers on one instance and polls the other", async () => {
    const config = await oauth.discovery(new URL(t.two.service.url), t.clientId, undefined, oauth.None(), {
      execute: [oauth.allowInsecureRequests],
      algorithm: "oauth2",
    });
    const started = await oauth.initiateDeviceAuthorization(config, { scope: "openid" });
    const polling = oauth.pollDeviceAuthorizationGrant(config, started);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await approve(t.one, started.user_code)).status).toBe(200);
    const tokens = await polling;
    expect(tokens.claims()?.sub).toBe(userId);
  });
});
