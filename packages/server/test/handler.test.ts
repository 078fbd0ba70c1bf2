// The backend routes (createHandoffHandler) and their Hono and Express adapters, against a real
// service over real HTTP: a one-time sign-in from start to session, approval rules, add device.
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { GeneratedCode, SessionCredentialType, UserProfile, UserTokenClaims } from "@handoff/types";
import express from "express";
import { type Context, Hono } from "hono";
import { afterAll, describe, expect, it } from "vitest";
import { handoffExpress } from "../src/adapters/express.js";
import { handoffHono } from "../src/adapters/hono.js";
import { createHandoffHandler } from "../src/handler/index.js";
import { useService } from "./helpers.js";

const t = await useService();
const { handoff } = t;

/** The test app's "session": the user id in a header, and what it signed in with (a passkey unless told). */
function getUser(request: Request) {
  const userId = request.headers.get("x-test-user");
  const credentialType = (request.headers.get("x-test-credential") ?? "fido2") as SessionCredentialType | "none";
  return userId ? { userId, credentialType: credentialType === "none" ? null : credentialType } : null;
}
const signedIn: UserTokenClaims[] = [];
const signIn = (claims: UserTokenClaims) => {
  signedIn.push(claims);
  return Response.json({ ok: true }, { headers: { "set-cookie": "session=1; HttpOnly" } });
};
const mailed: { user: UserProfile; code: GeneratedCode }[] = [];
const sendAddDeviceCode = async (user: UserProfile, code: GeneratedCode) => {
  mailed.push({ user, code });
};

const handle = createHandoffHandler({ client: handoff, getUser, signIn, sendAddDeviceCode });
/** Calls the plain handler as a browser would. */
async function call(path: string, body?: unknown, headers: Record<string, string> = {}) {
  const request = new Request(`http://app.test/handoff${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json", ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const response = await handle(request, undefined);
  if (!response) throw new Error(`${path} was not handled`);
  return {
    status: response.status,
    headers: response.headers,
    json: (await response.json()) as Record<string, unknown>,
  };
}

describe("createHandoffHandler", () => {
  it("one-time sign-in: start, the wait, approve by the typed code, then the session — each JWT once", async () => {
    const user = await handoff.createUser("handler@example.com");
    const started = await call("/one-time/start", { username: "handler@example.com" });
    expect(started.status).toBe(200);
    expect(started.json).toMatchObject({ code: expect.stringMatching(/^\d{6}$/), codeType: "short" });
    const code = String(started.json.code);

    const waiting = t.wait("handler@example.com", code, "short");
    await expect.poll(() => t.service.pendingWaits).toBe(1);
    const asker = await call("/requests", undefined, { "x-test-user": user.id });
    expect(asker.json.requests).toEqual([
      { expiresAt: started.json.expiresAt, requester: expect.objectContaining({ ip: expect.any(String) }) },
    ]);
    expect((await call("/approve", { code }, { "x-test-user": user.id })).json).toEqual({ approved: true });
    const { jwt } = (await (await waiting).json()) as { jwt: string };

    const session = await call("/session", { jwt });
    expect(session.status).toBe(200);
    expect(session.headers.get("set-cookie")).toBe("session=1; HttpOnly");
    expect(signedIn.at(-1)).toMatchObject({ userId: user.id, credential: { type: "code" } });
    expect((await call("/session", { jwt })).json).toMatchObject({ code: "token_used" });
  });

  it("the signed-in routes need a session; one not made with the device's own key may deny but not approve", async () => {
    const user = await handoff.createUser("once@example.com");
    expect((await call("/requests")).status).toBe(401);
    expect((await call("/approve", { code: "123456" })).json).toMatchObject({ code: "not_signed_in" });
    for (const credential of ["code", "none"]) {
      const once = { "x-test-user": user.id, "x-test-credential": credential };
      expect((await call("/approve", { code: "123456" }, once)).json).toMatchObject({ code: "signed_in_once" });
      expect((await call("/deny", {}, once)).json).toEqual({ denied: true });
    }
  });

  it("every POST must be JSON, /deny included (no cross-site form), and bodies stop at 16 KiB while read", async () => {
    const user = await handoff.createUser("csrf@example.com");
    for (const type of ["application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x"]) {
      const forged = await handle(
        new Request("http://app.test/handoff/deny", {
          method: "POST",
          headers: { "content-type": type, "x-test-user": user.id },
          body: "a=b",
        }),
        undefined,
      );
      expect(forged?.status).toBe(415);
    }
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(64 * 1024).fill(32));
      },
    });
    const huge = await handle(
      new Request("http://app.test/handoff/one-time/start", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: endless,
        duplex: "half",
      } as RequestInit),
      undefined,
    );
    expect(huge?.status).toBe(400);
    expect(pulled).toBeLessThan(4); // refused after the first chunk past the limit, never read to the end
  });

  it("answers what a device can act on, with its status; never a 500", async () => {
    const unknown = await call("/one-time/start", { username: "nobody@example.com" });
    expect([unknown.status, unknown.json.code]).toEqual([404, "user_not_found"]);
    const user = await handoff.createUser("wrong@example.com");
    const wrong = await call("/approve", { code: "000000" }, { "x-test-user": user.id });
    expect([wrong.status, wrong.json.code]).toEqual([400, "invalid_code"]);
    const tooLong = await call("/one-time/start", { username: "a".repeat(257) });
    expect([tooLong.status, tooLong.json.code]).toEqual([400, "invalid_argument"]);
    expect((await call("/session", { jwt: "not.a.jwt" })).status).toBe(401);
    expect((await call("/one-time/start")).json).toMatchObject({ code: "method_not_allowed" });
    expect(await handle(new Request("http://app.test/elsewhere"), undefined)).toBeNull();
  });

  it("add device: an authorized phrase code goes to the owner; unknown and deactivated usernames get the same answer", async () => {
    const user = await handoff.createUser("adder@example.com");
    const deactivated = await handoff.createUser("asleep@example.com");
    await handoff.deactivateUser(deactivated.id);
    for (const username of ["adder@example.com", "ghost@example.com", "asleep@example.com"]) {
      expect((await call("/add-device/start", { username })).json).toEqual({ sent: true });
    }
    await expect.poll(() => mailed.length).toBe(1); // sent after the answer
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(mailed.map((mail) => mail.user.id)).toEqual([user.id]);
    expect(mailed[0]?.code).toMatchObject({ isAuthorized: true, code: expect.stringMatching(/^[a-z]+\d+$/) });
  });
});

describe("start limits", () => {
  it("mail at most startLimit add-device codes per username, known or not, then 429 with Retry-After", async () => {
    await handoff.createUser("limited@example.com");
    const limited = createHandoffHandler({
      client: handoff,
      getUser,
      signIn,
      sendAddDeviceCode,
      startLimit: { max: 2, windowMs: 60_000 },
    });
    const start = async (route: string, username: string) => {
      const response = await limited(
        new Request(`http://app.test/handoff/${route}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ username }),
        }),
        undefined,
      );
      return response as Response;
    };
    expect((await start("add-device/start", "limited@example.com")).status).toBe(200);
    expect((await start("add-device/start", "limited@example.com")).status).toBe(200);
    const third = await start("add-device/start", "limited@example.com");
    expect(third.status).toBe(429);
    // One-time sign-ins are not counted here: an attacker's mails do not lock the owner out of them.
    expect((await start("one-time/start", "limited@example.com")).status).toBe(200);
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
    for (let i = 0; i < 2; i += 1) expect((await start("add-device/start", "ghost2@example.com")).status).toBe(200);
    expect((await start("add-device/start", "ghost2@example.com")).status).toBe(429); // the same for no account
  });
});

describe("adapters", () => {
  const servers: Server[] = [];
  afterAll(() => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))));

  it("Hono: serves the routes, hands the context to getUser, passes other paths on", async () => {
    const user = await handoff.createUser("hono@example.com");
    type Env = { Variables: { userId: string } };
    const app = new Hono<Env>();
    app.use(async (c, next) => {
      c.set("userId", user.id);
      await next();
    });
    app.use(
      handoffHono<Context<Env>>({
        client: handoff,
        getUser: (_request, c) => ({ userId: c.get("userId"), credentialType: "fido2" }),
        signIn,
      }),
    );
    app.get("/other", (c) => c.text("other"));
    const denied = await app.request("/handoff/deny", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(await denied.json()).toEqual({ denied: true });
    expect(await (await app.request("/other")).text()).toBe("other");
  });

  it("Express: serves the routes with or without express.json(), hands getUser the Express request", async () => {
    const user = await handoff.createUser("express@example.com");
    const app = express();
    app.use(express.json());
    app.use(
      handoffExpress({
        client: handoff,
        getUser: (_request, { req }) =>
          req.headers["x-test-user"] ? { userId: String(req.headers["x-test-user"]), credentialType: "fido2" } : null,
        signIn,
      }),
    );
    app.get("/other", (_req, res) => {
      res.send("other");
    });
    const server = createServer(app).listen(0, "127.0.0.1");
    servers.push(server);
    await new Promise((resolve) => server.once("listening", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const started = await fetch(`${base}/handoff/one-time/start`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "express@example.com" }),
    });
    expect(started.status).toBe(200);
    const { code } = (await started.json()) as { code: string };
    const approved = await fetch(`${base}/handoff/approve`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-test-user": user.id },
      body: JSON.stringify({ code }),
    });
    expect(await approved.json()).toEqual({ approved: true });
    expect((await fetch(`${base}/handoff/requests`)).status).toBe(401);
    expect(await (await fetch(`${base}/other`)).text()).toBe("other");
    // Paths Express and the routes would read differently are not the routes' (a limiter mounted
    // on /handoff/one-time/start would not see them): Express answers them, 404.
    for (const sneaky of ["/handoff/./one-time/start", "/handoff/%2e/one-time/start", "/handoff/x/../one-time/start"]) {
      // node:http sends the path as written (fetch would normalise it first).
      const status = await new Promise<number | undefined>((resolve, reject) => {
        const { port } = server.address() as AddressInfo;
        const sent = httpRequest(
          { host: "127.0.0.1", port, path: sneaky, method: "POST", headers: { "content-type": "application/json" } },
          (answer) => {
            answer.resume();
            resolve(answer.statusCode);
          },
        );
        sent.on("error", reject);
        sent.end(JSON.stringify({ username: "express@example.com" }));
      });
      expect(status, sneaky).toBe(404);
    }
  });
});
