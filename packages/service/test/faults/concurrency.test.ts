import { authenticationResponseSchema } from "@handoff/types";
import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { useService } from "../helpers.js";
import { codeCalls, freshName, outcome } from "../security/code-calls.js";

// Ten waits on one code race for its one session: the per-code cap (default 4) is raised for it.
const t = await useService({ waitTimeoutMs: 10_000, maxWaitsPerCode: 10 });
const calls = codeCalls(t);
const purpose = "temporary_authentication";
const ROUNDS = 15;

async function newUser(label: string) {
  const name = freshName(label);
  return { name, id: await calls.createUser(name) };
}

/** Splits wait answers into the sessions they returned and the refusals. */
async function sessionsOf(responses: Response[]) {
  const sessions: string[] = [];
  const refusals: unknown[] = [];
  for (const response of responses) {
    if (response.status === 200) sessions.push(authenticationResponseSchema.parse(await response.json()).jwt);
    else refusals.push((await outcome(response)).code);
  }
  return { sessions, refusals };
}

describe("concurrent calls on one code: exactly one outcome, never two sessions", () => {
  it("two authorizes of one code, then two waits: both authorizes agree, one session", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const user = await newUser("authorize-twice");
      const { code } = await calls.generate(user.id, "short", purpose);
      const answers = await Promise.all([1, 2].map(() => calls.authorize(user.id, code, "short", purpose)));
      expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
      const { sessions, refusals } = await sessionsOf(
        await Promise.all([1, 2].map(() => calls.wait(user.name, code, "short"))),
      );
      expect(sessions).toHaveLength(1);
      expect(refusals).toEqual(["invalid_code"]);
    }
  });

  it("ten waits held on one code, released by one authorize: one session, nine refusals", async () => {
    for (let round = 0; round < 5; round++) {
      const user = await newUser("many-waits");
      const { code } = await calls.generate(user.id, "long", purpose);
      const waits = Array.from({ length: 10 }, () => calls.wait(user.name, code, "long"));
      await expect.poll(() => t.service.pendingWaits).toBe(10);
      expect((await calls.authorize(user.id, code, "long", purpose)).status).toBe(200);
      const { sessions, refusals } = await sessionsOf(await Promise.all(waits));
      expect(sessions).toHaveLength(1);
      expect(refusals).toEqual(new Array(9).fill("invalid_code"));
      expect(new Set(sessions.map((jwt) => decodeJwt(jwt).jti)).size).toBe(1);
    }
  });

  it("generate racing invalidate-all: the code either lives fully or is gone, never half", async () => {
    for (let round = 0; round < ROUNDS * 2; round++) {
      // A user per round: the refused waits count as wrong codes.
      const user = await newUser("race-deny");
      const [generated, denied] = await Promise.all([
        calls.generate(user.id, "short", purpose, true),
        calls.invalidate(user.id, "short", purpose),
      ]);
      expect(denied.status).toBe(200);
      const { sessions, refusals } = await sessionsOf(
        await Promise.all([1, 2].map(() => calls.wait(user.name, generated.code, "short"))),
      );
      // Both orders are legitimate (generated after the deny: it lives); what matters is one outcome.
      if (sessions.length === 1) expect(refusals).toEqual(["invalid_code"]);
      else expect({ sessions, refusals }).toEqual({ sessions: [], refusals: ["invalid_code", "invalid_code"] });
    }
  });

  it("authorize racing invalidate-all with a wait held: at most one session, and no session after a deny", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const user = await newUser("race-approve");
      const { code } = await calls.generate(user.id, "short", purpose);
      const waiting = calls.wait(user.name, code, "short");
      await expect.poll(() => t.service.pendingWaits).toBe(1);
      const [approved, denied] = await Promise.all([
        calls.authorize(user.id, code, "short", purpose),
        calls.invalidate(user.id, "short", purpose),
      ]);
      expect([200, 400]).toContain(approved.status);
      expect(denied.status).toBe(200);
      const held = await waiting;
      expect([200, 400, 410]).toContain(held.status);
      // Whatever won, the code is spent or gone now: no second session from it.
      expect((await outcome(await calls.wait(user.name, code, "short"))).code).toBe("invalid_code");
    }
  });
});
