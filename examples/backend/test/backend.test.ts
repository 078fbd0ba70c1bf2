import { startDevInbox } from "@handoff/example-dev-inbox";
import { createServerClient } from "@handoff/server";
import { startService } from "@handoff/service";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBackend } from "../src/index.ts";

// The example backend over real HTTP, against a real service and a real SMTP dev inbox.
const inbox = await startDevInbox({ smtpPort: 0, httpPort: 0 });
const service = await startService({
  port: 0,
  database: ":memory:",
  logger: false,
  smtp: { host: "127.0.0.1", port: inbox.smtpPort, from: "handoff@example.localhost", insecureLocalhost: true },
});
const { clientId, privateKeyPem } = await service.createClient({ name: "backend-test", origins: [] });
const handoff = createServerClient({ baseUrl: service.url, clientId, privateKey: privateKeyPem ?? "" });
const errors: unknown[] = [];
const backend = await createBackend({
  handoff: { baseUrl: service.url, clientId, privateKey: privateKeyPem ?? "" },
  port: 0,
  smtp: { host: "127.0.0.1", port: inbox.smtpPort },
  rateLimit: { limit: 4, windowMs: 60_000 },
  // Node has no authenticator: these tests sign approvers in with one-time codes, so this backend
  // lets such sessions approve. `strictBackend` keeps the default.
  oneTimeSessionsMayApprove: true,
  onError: (error) => errors.push(error),
});
const strictBackend = await createBackend({
  handoff: { baseUrl: service.url, clientId, privateKey: privateKeyPem ?? "" },
  port: 0,
  smtp: { host: "127.0.0.1", port: inbox.smtpPort },
  onError: (error) => errors.push(error),
});
afterAll(async () => {
  await backend.close();
  await strictBackend.close();
  await inbox.close();
  await service.close();
});

const ada = "ada@example.com";
const bob = "bob@example.com";

/** A browser of the test: keeps the session cookie. */
function browser(userAgent = "TestBrowser/1.0", { url } = backend) {
  let cookie = "";
  return async (path: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { "content-type": "application/json", "user-agent": userAgent, ...(cookie ? { cookie } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const set = response.headers.get("set-cookie");
    if (set) cookie = set.split(";")[0] ?? "";
    return {
      status: response.status,
      headers: response.headers,
      json: (await response.json()) as Record<string, unknown>,
    };
  };
}

/** The new device's wait, straight over HTTP (what `waitCode` does in a browser). */
async function waitForJwt(username: string, code: string): Promise<string> {
  const response = await fetch(`${service.url}/api/native/authenticate/code/wait`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ client_id: clientId, username, authentication_code: { code, type: "short" } }),
  });
  const body = (await response.json()) as { jwt?: string; code?: string };
  if (!body.jwt) throw new Error(`wait answered ${response.status} ${body.code}`);
  return body.jwt;
}

/** A signed-in browser for `username`, through an already authorized code. */
async function signedIn(username: string, app = backend) {
  const call = browser("Approver/1.0", app);
  const { id } = await handoff.getUser(username);
  const { code } = await handoff.generateCode({
    userId: id,
    codeType: "short",
    purpose: "temporary_authentication",
    authorize: true,
  });
  expect((await call("/api/session", { jwt: await waitForJwt(username, code) })).status).toBe(200);
  return call;
}

beforeAll(async () => {
  await handoff.createUser(ada);
  await handoff.createUser(bob);
});

describe("example backend", () => {
  it("serves the service URL and client id to the frontend", async () => {
    expect((await browser()("/api/config")).json).toEqual({ serviceUrl: service.url, clientId });
  });

  it("opens a session only for a JWT it verified, and each JWT only once", async () => {
    const newDevice = browser();
    expect((await newDevice("/api/me")).status).toBe(401);
    expect((await newDevice("/api/session", { jwt: "not.a.jwt" })).json.code).toBe("invalid_jwt");

    const started = await newDevice("/api/one-time/start", { username: ada });
    expect(started.status).toBe(200);
    const approver = await signedIn(ada);
    const { requests } = (await approver("/api/requests")).json as {
      requests: { id: string; code: string; requester: Record<string, string> }[];
    };
    const pending = requests.find((request) => request.code === started.json.code);
    expect(pending?.requester).toMatchObject({
      userAgent: "TestBrowser/1.0",
      ip: expect.stringMatching(/127\.0\.0\.1/),
    });

    const jwt = waitForJwt(ada, String(started.json.code));
    expect((await approver(`/api/requests/${pending?.id}/approve`, {})).json).toEqual({ approved: true });
    const session = await newDevice("/api/session", { jwt: await jwt });
    expect(session.headers.get("set-cookie")).toMatch(/HttpOnly/i);
    expect(session.headers.get("set-cookie")).toMatch(/SameSite=Lax/i);
    expect((await newDevice("/api/me")).json).toEqual({
      userId: (await handoff.getUser(ada)).id,
      username: ada,
      signedInOnce: true,
      credentialId: expect.any(String),
    });
    expect((await browser()("/api/session", { jwt: await jwt })).json.code).toBe("token_used");

    expect((await newDevice("/api/logout", {})).status).toBe(200);
    expect((await newDevice("/api/me")).status).toBe(401);
  });

  it("by default, a device signed in once cannot approve another one, but can deny", async () => {
    const started = await browser("TestBrowser/1.0", strictBackend)("/api/one-time/start", { username: ada });
    const onceDevice = await signedIn(ada, strictBackend);
    const approve = await onceDevice(`/api/requests/${started.json.requestId}/approve`, {});
    expect(approve.status).toBe(403);
    expect(approve.json.code).toBe("signed_in_once");
    expect((await onceDevice(`/api/requests/${started.json.requestId}/deny`, {})).status).toBe(200);
  });

  it("never shows or approves another user's requests", async () => {
    const started = await browser()("/api/one-time/start", { username: bob });
    const adaDevice = await signedIn(ada);
    const { requests } = (await adaDevice("/api/requests")).json as { requests: { code: string }[] };
    expect(requests.map((request) => request.code)).not.toContain(started.json.code);
    expect((await adaDevice(`/api/requests/${started.json.requestId}/approve`, {})).status).toBe(404);
    expect((await adaDevice(`/api/requests/${started.json.requestId}/deny`, {})).status).toBe(404);
  });

  it("denies: the waiting device is told code_invalidated", async () => {
    const started = await browser()("/api/one-time/start", { username: bob });
    const bobDevice = await signedIn(bob);
    const wait = waitForJwt(bob, String(started.json.code)).catch((error: Error) => error.message);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await bobDevice(`/api/requests/${started.json.requestId}/deny`, {})).json).toEqual({ denied: 2 }); // this one and the previous test's: a deny ends all of them
    expect(await wait).toMatch(/410 code_invalidated/);
    expect((await bobDevice("/api/requests")).json).toEqual({ requests: [] });
  });

  it("answers 404 for an unknown username when starting a one-time sign-in", async () => {
    const answer = await browser()("/api/one-time/start", { username: "nobody@example.com" });
    expect(answer.status).toBe(404);
    expect(answer.json.code).toBe("user_not_found");
  });

  it("mails an add-device code, and answers the same for an unknown address", async () => {
    const call = browser("Mailer/1.0");
    const known = await call("/api/add-device/start", { username: bob });
    const unknown = await call("/api/add-device/start", { username: "nobody@example.com" });
    expect(unknown.json).toEqual(known.json);
    const mails = inbox.mails.filter((mail) => mail.to.includes(bob));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe("Your code to add a device");
    expect(mails[0]?.text).toMatch(/Your security code: [a-z]+\d+/);
    expect(inbox.mails.some((mail) => mail.to.includes("nobody@example.com"))).toBe(false);
  });

  it("signs up by creating a verified account and mailing it a code; a taken address gets the same answer", async () => {
    const carol = "carol@example.com";
    const call = browser("SignUp/1.0");
    const fresh = await call("/api/sign-up/start", { username: carol });
    expect(fresh.status).toBe(200);
    const profile = await handoff.getUser(carol);
    expect(profile.verifiedAt).toBeInstanceOf(Date); // createUser: the backend vouches
    const taken = await call("/api/sign-up/start", { username: ada });
    expect(taken.json).toEqual(fresh.json);

    const subjects = (to: string) => inbox.mails.filter((mail) => mail.to.includes(to)).map((mail) => mail.subject);
    expect(subjects(carol)).toEqual(["Your code to create your account"]);
    expect(inbox.mails.find((mail) => mail.to.includes(carol))?.text).toMatch(/Your security code: [a-z]+\d+/);
    expect(subjects(ada)).toEqual(["Your code to add a device"]); // its owner adds this device

    const invalid = await call("/api/sign-up/start", { username: "not-an-email" });
    expect(invalid.status).toBe(400);
    expect(invalid.json.code).toBe("invalid_email");
  });

  it("lists the user's devices to any session; a device signed in once may not rename, remove or add", async () => {
    const once = await signedIn(bob, strictBackend);
    expect((await once("/api/devices")).json).toEqual({ devices: [] }); // bob has no passkey or key
    for (const path of ["/api/devices/x/rename", "/api/devices/x/remove", "/api/devices/add-passkey"]) {
      const refused = await once(path, { name: "Phone" });
      expect([refused.status, refused.json.code]).toEqual([403, "signed_in_once"]);
    }
    expect((await browser("TestBrowser/1.0", strictBackend)("/api/devices")).status).toBe(401);
  });

  it("refuses non-JSON posts and rate-limits the start endpoints", async () => {
    const form = await fetch(`${backend.url}/api/logout`, { method: "POST", body: new URLSearchParams({ a: "b" }) });
    expect(form.status).toBe(415);
    const call = browser();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await call("/api/add-device/start", { username: "x" })).status);
    expect(statuses.at(-1)).toBe(429);
    expect(errors).toEqual([]);
  });
});
