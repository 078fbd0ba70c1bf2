import { CODE_TYPES, type CodeType } from "@handoff/types";
import { describe, expect, it } from "vitest";
import { CODE_SPACE } from "../../src/codes/generate-code.js";
import { useService } from "../helpers.js";
import { codeCalls, freshName, outcome, wrongCode } from "./code-calls.js";

const MINUTE = 60_000;
const MAX_FAILED_ATTEMPTS = 10;
const LOCKOUT_MS = 15 * MINUTE;
let clock = Date.parse("2026-11-27T10:00:00.000Z");
const t = await useService({ now: () => clock, maxFailedAttempts: MAX_FAILED_ATTEMPTS, lockoutMs: LOCKOUT_MS });
const calls = codeCalls(t, () => clock);
const purpose = "temporary_authentication";

type Surface = "authorize" | "wait";

/**
 * One guess at a user's code on `surface`; returns the answer. Wait guesses go to codes that are
 * already authorized, so a right guess would answer 200 with a session at once.
 */
async function guess(surface: Surface, user: { id: string; name: string }, code: string, type: CodeType) {
  const response =
    surface === "authorize"
      ? await calls.authorize(user.id, code, type, purpose)
      : await calls.wait(user.name, code, type);
  return outcome(response);
}

/** Guesses wrong codes until the lock-out answers; returns how many guesses were evaluated. */
async function guessUntilLocked(surface: Surface, user: { id: string; name: string }, code: string, type: CodeType) {
  for (let evaluated = 1; evaluated <= 100; evaluated++) {
    const answer = await guess(surface, user, wrongCode(code, type, evaluated), type);
    if (answer.status === 429) return evaluated;
    expect(answer).toEqual({ status: 400, code: "invalid_code" });
  }
  throw new Error("never locked out");
}

async function newUser(label: string) {
  const name = freshName(label);
  return { id: await calls.createUser(name), name };
}

describe("brute force of every code type, against authorize and against the wait", () => {
  for (const surface of ["authorize", "wait"] as const) {
    for (const type of CODE_TYPES) {
      it(`${surface} · ${type}: at most 2 × maxFailedAttempts guesses at one code, even across two windows`, async () => {
        const user = await newUser(`${surface}-${type}`);
        // Window 1 opens with a wrong guess before the code exists, so the code lives across the
        // end of that window: the worst case for the defender.
        expect(await guess(surface, user, wrongCode("", type, 0), type)).toEqual({ status: 400, code: "invalid_code" });
        clock += LOCKOUT_MS - MINUTE;
        const { code } = await calls.generate(user.id, type, purpose, surface === "wait");
        let guesses = 0;
        for (let i = 1; i < MAX_FAILED_ATTEMPTS - 1; i++) {
          expect(await guess(surface, user, wrongCode(code, type, i), type)).toEqual({
            status: 400,
            code: "invalid_code",
          });
          guesses += 1;
        }
        clock += MINUTE; // window 1 ends; the code is still live
        guesses += await guessUntilLocked(surface, user, code, type);
        expect(guesses).toBe(2 * MAX_FAILED_ATTEMPTS - 2);
        // Locked out: even the right code is refused, and once the lock-out ends the code is gone.
        expect(await guess(surface, user, code, type)).toMatchObject({ status: 429, code: "too_many_attempts" });
        clock += LOCKOUT_MS;
        expect((await guess(surface, user, code, type)).status).not.toBe(200);
        // The bound of docs/security.md: P(success) ≤ guesses / space, far below 1 in 10^4.
        expect((2 * MAX_FAILED_ATTEMPTS) / CODE_SPACE[type]).toBeLessThan(1e-4);
      });
    }
  }

  it("a right code does not reset the count: the waiting device's re-issued waits give a guesser nothing", async () => {
    const user = await newUser("reissue");
    const { code } = await calls.generate(user.id, "short", purpose);
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++) {
      expect(await guess("wait", user, wrongCode(code, "short", i), "short")).toMatchObject({ status: 400 });
      // The legitimate device re-issues its wait with the right code (held, then dropped).
      const controller = new AbortController();
      const held = calls.wait(user.name, code, "short", { signal: controller.signal }).catch(() => "dropped");
      await expect.poll(() => t.service.pendingWaits).toBe(1);
      controller.abort();
      expect(await held).toBe("dropped");
      await expect.poll(() => t.service.pendingWaits).toBe(0);
    }
    expect(await guess("wait", user, wrongCode(code, "short", 99), "short")).toMatchObject({
      status: 429,
      code: "too_many_attempts",
    });
  });

  it("concurrent guesses get no more tries than sequential ones", async () => {
    for (const surface of ["wait", "authorize"] as const) {
      const user = await newUser(`concurrent-${surface}`);
      const { code } = await calls.generate(user.id, "short", purpose, surface === "wait");
      for (let i = 1; i < MAX_FAILED_ATTEMPTS - 1; i++)
        await guess(surface, user, wrongCode(code, "short", i), "short");
      // One guess is left (the 10th). Fire 40 at once, the right code last: it must not be tried.
      const batch = Array.from({ length: 40 }, (_, i) => (i === 39 ? code : wrongCode(code, "short", 100 + i)));
      const answers = await Promise.all(batch.map((value) => guess(surface, user, value, "short")));
      expect(answers.filter((answer) => answer.status === 200)).toEqual([]);
      expect(answers.filter((answer) => answer.status === 400).length).toBeLessThanOrEqual(1);
    }
  });

  it("the lock-out deletes every live code of the user and purpose, waking their waits with 410", async () => {
    const user = await newUser("wake");
    const short = await calls.generate(user.id, "short", purpose);
    const long = await calls.generate(user.id, "long", purpose);
    const other = await calls.generate(user.id, "phrase", "add_credential", true);
    const waits = [calls.wait(user.name, short.code, "short"), calls.wait(user.name, long.code, "long")];
    await expect.poll(() => t.service.pendingWaits).toBe(2);
    expect(await guessUntilLocked("authorize", user, short.code, "short")).toBe(MAX_FAILED_ATTEMPTS);
    for (const answer of await Promise.all(waits.map(async (w) => outcome(await w)))) {
      expect(answer).toEqual({ status: 410, code: "code_invalidated" });
    }
    // Another purpose has its own count and keeps its code.
    const add = await calls.authorize(user.id, other.code, "phrase", "add_credential");
    expect(add.status).toBe(200);
  });

  it("a lock-out of one user leaves another user of the same client untouched", async () => {
    const victim = await newUser("victim");
    const bystander = await newUser("bystander");
    const { code } = await calls.generate(bystander.id, "short", purpose, true);
    await guessUntilLocked("wait", victim, "", "short");
    const response = await calls.wait(bystander.name, code, "short");
    expect(response.status).toBe(200);
  });
});
