import { createServerClient } from "@handoff/server";
import { startService } from "@handoff/service";
import { afterAll, describe, expect, it } from "vitest";
import { createBackend } from "../src/index.ts";

// "Approve a device" over real HTTP: a device (any OAuth client) asks the real service, a
// signed-in browser of the example backend looks the code up, approves or denies it.
const service = await startService({ port: 0, database: ":memory:", logger: false, devicePollIntervalSeconds: 1 });
const { clientId, privateKeyPem } = await service.createClient({
  name: "approve-device-test",
  deviceGrant: { verificationUri: "http://localhost:5173/?approve-device" },
});
const handoffOptions = { baseUrl: service.url, clientId, privateKey: privateKeyPem ?? "" };
const handoff = createServerClient(handoffOptions);
const errors: unknown[] = [];
const backend = await createBackend({
  handoff: handoffOptions,
  port: 0,
  oneTimeSessionsMayApprove: true, // Node has no authenticator: the approver signs in with a code
  onError: (error) => errors.push(error),
});
const strictBackend = await createBackend({ handoff: handoffOptions, port: 0, onError: (error) => errors.push(error) });
afterAll(async () => {
  await backend.close();
  await strictBackend.close();
  await service.close();
});

/** A browser signed in as `username` (through an authorized one-time code), keeping its cookie. */
async function signedIn(username: string, app = backend) {
  const user = await handoff.createUser(username);
  const { code } = await handoff.generateCode({
    userId: user.id,
    codeType: "short",
    purpose: "temporary_authentication",
    authorize: true,
  });
  const wait = await fetch(`${service.url}/api/native/authenticate/code/wait`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ client_id: clientId, username, authentication_code: { code, type: "short" } }),
  });
  const { jwt } = (await wait.json()) as { jwt: string };
  let cookie = "";
  const call = async (path: string, body: unknown) => {
    const response = await fetch(`${app.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
    const set = response.headers.get("set-cookie");
    if (set) cookie = set.split(";")[0] ?? "";
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
  expect((await call("/api/session", { jwt })).status).toBe(200);
  return { call, userId: user.id };
}

/** A TV asks to sign in; returns its codes and its token request. */
async function deviceAsks() {
  const response = await fetch(`${service.url}/oauth/device_authorization`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "user-agent": "LivingRoomTV/3.1" },
    body: new URLSearchParams({ client_id: clientId }).toString(),
  });
  const started = (await response.json()) as { device_code: string; user_code: string };
  const poll = async () => {
    const token = await fetch(`${service.url}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        client_id: clientId,
        grant_type: "urn:ietf:params:oauth:grant-type:device_code",
        device_code: started.device_code,
      }).toString(),
    });
    return (await token.json()) as Record<string, unknown>;
  };
  return { userCode: started.user_code, poll };
}

describe("example backend: Approve a device", () => {
  it("shows who asked before approving, then the device gets a token for the signed-in user", async () => {
    const { call, userId } = await signedIn("tv-owner@example.com");
    const device = await deviceAsks();
    const typed = device.userCode.toLowerCase().replace("-", " ");
    const looked = await call("/api/approve-device/look-up", { userCode: typed });
    expect(looked).toMatchObject({
      status: 200,
      json: { status: "pending", requester: { userAgent: "LivingRoomTV/3.1", ip: expect.any(String) } },
    });
    const approved = await call("/api/approve-device/approve", { userCode: typed });
    expect(approved).toMatchObject({ status: 200, json: { status: "approved" } });
    const tokens = await device.poll();
    expect(typeof tokens.access_token).toBe("string");
    expect((await handoff.verifyToken(String(tokens.access_token))).userId).toBe(userId);
  });

  it("denies, and tells a wrong or malformed code in plain words", async () => {
    const { call } = await signedIn("tv-denier@example.com");
    const device = await deviceAsks();
    expect((await call("/api/approve-device/deny", { userCode: device.userCode })).json).toMatchObject({
      status: "denied",
    });
    expect(await device.poll()).toMatchObject({ error: "access_denied" });
    for (const userCode of ["BBBB-BBBB", "hello"]) {
      expect(await call("/api/approve-device/look-up", { userCode })).toMatchObject({
        status: 400,
        json: { code: "invalid_code" },
      });
    }
    expect(errors).toEqual([]);
  });

  it("needs a session, and by default a device signed in once may look up and deny but not approve", async () => {
    const anonymous = await fetch(`${backend.url}/api/approve-device/look-up`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ userCode: "BBBB-BBBB" }),
    });
    expect(anonymous.status).toBe(401);
    const { call } = await signedIn("tv-once@example.com", strictBackend);
    const device = await deviceAsks();
    expect((await call("/api/approve-device/look-up", { userCode: device.userCode })).status).toBe(200);
    expect(await call("/api/approve-device/approve", { userCode: device.userCode })).toMatchObject({
      status: 403,
      json: { code: "signed_in_once" },
    });
  });
});
