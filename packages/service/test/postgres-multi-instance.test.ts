import { authenticationResponseSchema, generateCodeResponseSchema } from "@handoff/types";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { startService } from "../src/index.js";
import { type Instance, useTwoInstances } from "./two-instances.js";
import { usePostgres } from "./use-postgres.js";

const server = await usePostgres();
const database = await server.createDatabase();
const issuer = "https://handoff.example";
const t = await useTwoInstances(database, { issuer, waitTimeoutMs: 10_000, maxFailedAttempts: 3 });
const purpose = "temporary_authentication";

async function generate(on: Instance, userId: string, authorize = false) {
  const response = await on.post(
    "/api/native/codes/short/generate",
    { client_id: t.clientId, user_id: userId, purpose, authorize },
    { token: await t.token("codes.generate") },
  );
  expect(response.status).toBe(200);
  return generateCodeResponseSchema.parse(await response.json()).code;
}

function wait(on: Instance, username: string, code: string) {
  return on.post(
    "/api/native/authenticate/code/wait",
    { client_id: t.clientId, username, authentication_code: { code, type: "short" } },
    { headers: { origin: t.origin } },
  );
}

async function authorize(on: Instance, userId: string, code: string) {
  return on.post(
    "/api/native/codes/short/authorize",
    { client_id: t.clientId, user_id: userId, purpose, code },
    { token: await t.token("codes.authorize") },
  );
}

async function until(condition: () => boolean, what: string) {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("two service instances on one Postgres database", () => {
  it("wakes a wait held by instance 2 when instance 1 authorizes, with a JWT both publish keys for", async () => {
    const userId = await t.createUser(t.one, "alice@example.com");
    const code = await generate(t.one, userId);
    const waiting = wait(t.two, "alice@example.com", code);
    await until(() => t.two.service.pendingWaits === 1, "the wait on instance 2");
    expect((await authorize(t.one, userId, code)).status).toBe(200);
    const response = await waiting;
    expect(response.status).toBe(200);
    const session = authenticationResponseSchema.parse(await response.json());
    for (const instance of [t.one, t.two]) {
      const jwks = createRemoteJWKSet(new URL(`${instance.service.url}/.well-known/jwks.json`));
      const { payload } = await jwtVerify(session.jwt, jwks, { algorithms: ["ES256"], audience: t.clientId, issuer });
      expect(payload.sub).toBe(userId);
    }
  });

  it("answers a wait on instance 2 with 410 when instance 1 invalidates the code", async () => {
    const userId = await t.createUser(t.two, "bob@example.com");
    const code = await generate(t.two, userId);
    const waiting = wait(t.two, "bob@example.com", code);
    await until(() => t.two.service.pendingWaits === 1, "the wait on instance 2");
    const invalidated = await t.one.post(
      "/api/native/codes/short/invalidate-all",
      { client_id: t.clientId, user_id: userId, purpose },
      { token: await t.token("codes.invalidate") },
    );
    expect(invalidated.status).toBe(200);
    const response = await waiting;
    expect(response.status).toBe(410);
    expect(await response.json()).toMatchObject({ code: "code_invalidated" });
  });

  it("loses no approval when the LISTEN connections drop: the wait re-checks after reconnecting", async () => {
    const userId = await t.createUser(t.one, "carol@example.com");
    const code = await generate(t.one, userId);
    const waiting = wait(t.two, "carol@example.com", code);
    await until(() => t.two.service.pendingWaits === 1, "the wait on instance 2");
    const restoredBefore = t.two.logs.filter((entry) => entry.msg === "postgres listen connection restored").length;
    const killed = await server.query(
      database,
      "SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE application_name = 'handoff:listen' AND datname = current_database()",
    );
    expect(killed).toEqual([{ killed: true }, { killed: true }]);
    await until(() => t.two.logs.some((entry) => entry.msg === "postgres listen connection lost"), "the drop");
    expect((await authorize(t.one, userId, code)).status).toBe(200);
    const response = await waiting;
    expect(response.status).toBe(200);
    expect(t.two.logs.filter((entry) => entry.msg === "postgres listen connection restored").length).toBeGreaterThan(
      restoredBefore,
    );
  });

  it("lets exactly one of two instances consume an authorized code", async () => {
    const userId = await t.createUser(t.one, "dave@example.com");
    for (let round = 0; round < 3; round++) {
      const code = await generate(t.one, userId, true);
      const responses = await Promise.all([t.one, t.two].map((on) => wait(on, "dave@example.com", code)));
      const statuses = responses.map((response) => response.status).sort();
      expect(statuses).toEqual([200, 400]);
    }
  });

  it("counts wrong codes across instances and locks the user out on both", async () => {
    const userId = await t.createUser(t.two, "erin@example.com");
    const code = await generate(t.one, userId);
    const wrong = code === "000000" ? "111111" : "000000";
    const statuses: number[] = [];
    for (const on of [t.one, t.two, t.one]) statuses.push((await authorize(on, userId, wrong)).status);
    expect(statuses.slice(0, 2)).toEqual([400, 400]);
    expect(statuses[2]).toBe(429);
    expect((await authorize(t.two, userId, code)).status).toBe(429);
  });

  it("refuses a service token replayed on the other instance", async () => {
    const token = await t.token("users.retrieve");
    const first = await t.one.post("/api/native/manage/users/retrieve", { username: "alice@example.com" }, { token });
    expect(first.status).toBe(200);
    const replay = await t.two.post("/api/native/manage/users/retrieve", { username: "alice@example.com" }, { token });
    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({ code: "invalid_token" });
  });

  it("releases its database connections when it cannot take its port", async () => {
    const port = Number(new URL(t.one.service.url).port);
    await expect(startService({ port, database, logger: false })).rejects.toThrow(/EADDRINUSE/);
    const listeners = async () =>
      (
        await server.query(
          database,
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'handoff:listen' AND datname = current_database()",
        )
      )[0]?.n;
    const deadline = Date.now() + 5_000;
    while ((await listeners()) !== 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await listeners()).toBe(2);
  });
});
