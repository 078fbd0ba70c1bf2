import { CODE_TYPES, type CodeType } from "@handoff/types";
import { describe, expect, it } from "vitest";
import { CODE_SPACE } from "../../src/codes/generate-code.js";
import { useService } from "../helpers.js";
import { codeCalls, freshAddress, freshName, outcome, wrongCode } from "./code-calls.js";

const MINUTE = 60_000;
const MAX_FAILED_ATTEMPTS = 10;
const PER_ADDRESS = 10;
const PER_ADDRESS_AND_USER = 5;
const PER_CODE = 30;
const LOCKOUT_MS = 15 * MINUTE;
let clock = Date.parse("2026-11-27T10:00:00.000Z");
const t = await useService({
  now: () => clock,
  maxFailedAttempts: MAX_FAILED_ATTEMPTS,
  maxFailedAttemptsPerAddress: PER_ADDRESS,
  maxFailedAttemptsPerAddressAndUser: PER_ADDRESS_AND_USER,
  maxGuessesPerCode: PER_CODE,
  lockoutMs: LOCKOUT_MS,
  trustProxy: true, // each anonymous caller below has an address of its own
});
const calls = codeCalls(t, () => clock);
const purpose = "temporary_authentication";

async function newUser(label: string) {
  const name = freshName(label);
  return { id: await calls.createUser(name), name };
}

/** One guess by the backend (authorize, with a service token). */
async function authorizeGuess(user: { id: string }, code: string, type: CodeType) {
  return outcome(await calls.authorize(user.id, code, type, purpose));
}

/** One anonymous guess on the wait, from `address`. */
async function waitGuess(user: { name: string }, code: string, type: CodeType, address: string) {
  return outcome(await calls.wait(user.name, code, type, { address }));
}

/** Backend guesses of wrong codes until the lock-out answers; returns how many were evaluated. */
async function authorizeUntilLocked(user: { id: string }, code: string, type: CodeType) {
  for (let evaluated = 1; evaluated <= 100; evaluated++) {
    const answer = await authorizeGuess(user, wrongCode(code, type, evaluated), type);
    if (answer.status === 429) return evaluated;
    expect(answer).toEqual({ status: 400, code: "invalid_code" });
  }
  throw new Error("never locked out");
}

describe("brute force by the backend (authorize): per user and purpose", () => {
  for (const type of CODE_TYPES) {
    it(`authorize · ${type}: at most 2 × maxFailedAttempts guesses at one code, even across two windows`, async () => {
      const user = await newUser(`authorize-${type}`);
      // Window 1 opens with a wrong guess before the code exists, so the code lives across the
      // end of that window: the worst case for the defender.
      expect(await authorizeGuess(user, wrongCode("", type, 0), type)).toEqual({ status: 400, code: "invalid_code" });
      clock += LOCKOUT_MS - MINUTE;
      const { code } = await calls.generate(user.id, type, purpose);
      let guesses = 0;
      for (let i = 1; i < MAX_FAILED_ATTEMPTS - 1; i++) {
        expect(await authorizeGuess(user, wrongCode(code, type, i), type)).toEqual({
          status: 400,
          code: "invalid_code",
        });
        guesses += 1;
      }
      clock += MINUTE; // window 1 ends; the code is still live
      guesses += await authorizeUntilLocked(user, code, type);
      expect(guesses).toBe(2 * MAX_FAILED_ATTEMPTS - 2);
      // Locked out: even the right code is refused, and once the lock-out ends the code is gone.
      expect(await authorizeGuess(user, code, type)).toMatchObject({ status: 429, code: "too_many_attempts" });
      clock += LOCKOUT_MS;
      expect((await authorizeGuess(user, code, type)).status).not.toBe(200);
    });
  }

  it("the lock-out deletes every live code of the user and purpose, waking their waits with 410", async () => {
    const user = await newUser("wake");
    const short = await calls.generate(user.id, "short", purpose);
    const long = await calls.generate(user.id, "long", purpose);
    const other = await calls.generate(user.id, "phrase", "add_credential", true);
    const waits = [calls.wait(user.name, short.code, "short"), calls.wait(user.name, long.code, "long")];
    await expect.poll(() => t.service.pendingWaits).toBe(2);
    expect(await authorizeUntilLocked(user, short.code, "short")).toBe(MAX_FAILED_ATTEMPTS);
    for (const answer of await Promise.all(waits.map(async (w) => outcome(await w)))) {
      expect(answer).toEqual({ status: 410, code: "code_invalidated" });
    }
    // Another purpose has its own count and keeps its code.
    expect((await calls.authorize(user.id, other.code, "phrase", "add_credential")).status).toBe(200);
  });

  it("a lock-out of one user leaves another user of the same client untouched", async () => {
    const victim = await newUser("victim");
    const bystander = await newUser("bystander");
    const { code } = await calls.generate(bystander.id, "short", purpose);
    await authorizeUntilLocked(victim, "", "short");
    expect((await calls.authorize(bystander.id, code, "short", purpose)).status).toBe(200);
  });

  it("a right code sent again after it was used is not a wrong guess", async () => {
    const user = await newUser("resent");
    const { code } = await calls.generate(user.id, "short", purpose);
    const waiting = calls.wait(user.name, code, "short");
    await expect.poll(() => t.service.pendingWaits).toBe(1);
    expect((await calls.authorize(user.id, code, "short", purpose)).status).toBe(200);
    expect((await waiting).status).toBe(200); // the code is used
    // A backend retrying its authorize after the device got in: refused, never counted.
    for (let i = 0; i < MAX_FAILED_ATTEMPTS + 2; i++) {
      expect(await authorizeGuess(user, code, "short")).toEqual({ status: 400, code: "invalid_code" });
    }
    const next = await calls.generate(user.id, "short", purpose);
    expect((await calls.authorize(user.id, next.code, "short", purpose)).status).toBe(200);
  });
});

describe("brute force by anonymous callers (the wait): per code and per address", () => {
  for (const type of CODE_TYPES) {
    it(`wait · ${type}: at most maxGuessesPerCode wrong guesses reach one code, from any number of addresses`, async () => {
      const user = await newUser(`wait-${type}`);
      // Authorized, so a right guess would answer 200 with a session at once.
      const { code } = await calls.generate(user.id, type, purpose, true);
      let evaluated = 0;
      // Each address stays under its own limit: only the code's budget stops this guesser.
      for (let i = 1; evaluated < PER_CODE; i++) {
        const address = freshAddress();
        for (let j = 0; j < PER_ADDRESS_AND_USER && evaluated < PER_CODE; j++) {
          expect(await waitGuess(user, wrongCode(code, type, i * 100 + j), type, address)).toEqual({
            status: 400,
            code: "invalid_code",
          });
          evaluated += 1;
        }
      }
      // The code has taken its budget of wrong guesses: it is gone, the right code included.
      expect(await waitGuess(user, code, type, freshAddress())).toEqual({ status: 400, code: "invalid_code" });
      // The bound of docs/security.md, with the backend's two windows on top.
      expect((PER_CODE + 2 * MAX_FAILED_ATTEMPTS) / CODE_SPACE[type]).toBeLessThan(1e-4);
    });
  }

  it("an address is refused after maxFailedAttemptsPerAddress wrong codes, whatever user they name, and its right code is not compared", async () => {
    const user = await newUser("address");
    const { code } = await calls.generate(user.id, "short", purpose, true);
    const address = freshAddress();
    for (let i = 0; i < PER_ADDRESS; i++) {
      const target = i % 2 ? user : { name: freshName("nobody") }; // known and unknown users alike
      expect(await waitGuess(target, wrongCode(code, "short", i), "short", address)).toEqual({
        status: 400,
        code: "invalid_code",
      });
    }
    const refused = await calls.wait(user.name, code, "short", { address });
    expect(await outcome(refused.clone())).toEqual({ status: 429, code: "too_many_attempts" });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // The owner's device, elsewhere, still gets in with the same code.
    expect((await calls.wait(user.name, code, "short", { address: freshAddress() })).status).toBe(200);
  });

  it("one address cannot spend a code: it is refused for that user first, and can still name others", async () => {
    const user = await newUser("one-address");
    const { code } = await calls.generate(user.id, "short", purpose, true);
    const address = freshAddress();
    for (let i = 0; i < PER_ADDRESS_AND_USER; i++) {
      expect(await waitGuess(user, wrongCode(code, "short", i), "short", address)).toEqual({
        status: 400,
        code: "invalid_code",
      });
    }
    expect(await waitGuess(user, code, "short", address)).toMatchObject({ status: 429, code: "too_many_attempts" });
    expect(await waitGuess({ name: freshName("other") }, code, "short", address)).toEqual({
      status: 400,
      code: "invalid_code",
    });
    // The code took 10 of its 30: the owner's device, elsewhere, gets in.
    expect((await calls.wait(user.name, code, "short", { address: freshAddress() })).status).toBe(200);
  });

  it("a right code does not reset the count: the waiting device's re-issued waits give a guesser nothing", async () => {
    const user = await newUser("reissue");
    const { code } = await calls.generate(user.id, "short", purpose);
    for (let i = 1; i <= PER_CODE; i++) {
      expect(await waitGuess(user, wrongCode(code, "short", i), "short", freshAddress())).toMatchObject({
        status: 400,
      });
      if (i === PER_CODE) break;
      // The legitimate device re-issues its wait with the right code (held, then dropped).
      const controller = new AbortController();
      const held = calls.wait(user.name, code, "short", { signal: controller.signal }).catch(() => "dropped");
      await expect.poll(() => t.service.pendingWaits).toBe(1);
      controller.abort();
      expect(await held).toBe("dropped");
      await expect.poll(() => t.service.pendingWaits).toBe(0);
    }
    // Exactly maxGuessesPerCode wrong guesses, however many right ones came in between: gone.
    expect((await calls.authorize(user.id, code, "short", purpose)).status).toBe(400);
  });

  it("concurrent guesses get no more tries than sequential ones, per code and per address", async () => {
    const user = await newUser("concurrent-code");
    const { code } = await calls.generate(user.id, "short", purpose, true);
    for (let i = 1; i < PER_CODE; i++) await waitGuess(user, wrongCode(code, "short", i), "short", freshAddress());
    // One guess is left at the code. Forty at once, each from its own address, the right one last.
    const batch = Array.from({ length: 40 }, (_, i) => (i === 39 ? code : wrongCode(code, "short", 100 + i)));
    const answers = await Promise.all(batch.map((value) => waitGuess(user, value, "short", freshAddress())));
    expect(answers.filter((answer) => answer.status === 200)).toEqual([]);

    const other = await newUser("concurrent-address");
    const next = await calls.generate(other.id, "short", purpose, true);
    const address = freshAddress();
    for (let i = 1; i < PER_ADDRESS; i++) await waitGuess({ name: freshName("spray") }, "000000", "short", address);
    // One attempt is left at the address. Forty at once from it, the right code last.
    const burst = Array.from({ length: 40 }, (_, i) => (i === 39 ? next.code : wrongCode(next.code, "short", 100 + i)));
    const burstAnswers = await Promise.all(burst.map((value) => waitGuess(other, value, "short", address)));
    expect(burstAnswers.filter((answer) => answer.status === 200)).toEqual([]);
    expect(burstAnswers.filter((answer) => answer.status === 400).length).toBeLessThanOrEqual(1);
    expect(burstAnswers.filter((answer) => answer.status === 429).length).toBeGreaterThanOrEqual(39);
    // Many devices behind one address sending right codes at once are never refused for it.
    const crowd = await Promise.all(
      Array.from({ length: 12 }, async () => {
        const member = await newUser("crowd");
        const own = await calls.generate(member.id, "short", purpose, true);
        return { member, code: own.code };
      }),
    );
    const shared = freshAddress();
    const sessions = await Promise.all(
      crowd.map(({ member, code }) => calls.wait(member.name, code, "short", { address: shared })),
    );
    expect(sessions.map((response) => response.status)).toEqual(crowd.map(() => 200));
  });
});
