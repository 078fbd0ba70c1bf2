import { ENDPOINTS, generateCodeResponseSchema } from "@handoff/types";
import { describe, expect, it } from "vitest";
import { type Instance, useTwoInstances } from "../two-instances.js";
import { usePostgres } from "../use-postgres.js";
import { outcome, wrongCode } from "./code-calls.js";

const MAX_FAILED_ATTEMPTS = 10;
const server = await usePostgres();
const PER_ADDRESS = 10;
const PER_CODE = 30;
const t = await useTwoInstances(await server.createDatabase(), {
  maxFailedAttempts: MAX_FAILED_ATTEMPTS,
  maxFailedAttemptsPerAddress: PER_ADDRESS,
  maxGuessesPerCode: PER_CODE,
  trustProxy: true,
});
const purpose = "temporary_authentication";

function wait(on: Instance, username: string, code: string, address: string) {
  return on.post(
    "/api/native/authenticate/code/wait",
    { client_id: t.clientId, username, authentication_code: { code, type: "short" } },
    { headers: { "x-forwarded-for": address } },
  );
}

async function authorize(on: Instance, userId: string, code: string) {
  return on.post(
    "/api/native/codes/short/authorize",
    { client_id: t.clientId, user_id: userId, purpose, code },
    { token: await t.token("codes.authorize") },
  );
}

describe("concurrent guesses on two instances sharing Postgres", () => {
  async function newCode(label: string, authorize: boolean) {
    const username = `race-${label}-${crypto.randomUUID()}@example.com`;
    const userId = await t.createUser(t.one, username);
    const generated = await t.one.post(
      "/api/native/codes/short/generate",
      { client_id: t.clientId, user_id: userId, purpose, authorize },
      { token: await t.token("codes.generate") },
    );
    const { code } = generateCodeResponseSchema.parse(await generated.json());
    return { username, userId, code };
  }

  /** Forty guesses at once, spread over both instances, the right code last. */
  function batch(code: string, guess: (on: Instance, value: string, i: number) => Promise<Response>) {
    const values = Array.from({ length: 40 }, (_, i) => (i === 39 ? code : wrongCode(code, "short", 100 + i)));
    return Promise.all(values.map((value, i) => guess(i % 2 ? t.two : t.one, value, i).then(outcome)));
  }

  it("authorize: 40 guesses at once when one is left try at most one code", async () => {
    const { userId, code } = await newCode("authorize", false);
    for (let i = 1; i < MAX_FAILED_ATTEMPTS - 1; i++) {
      expect((await outcome(await authorize(t.one, userId, wrongCode(code, "short", i)))).code).toBe("invalid_code");
    }
    const answers = await batch(code, (on, value) => authorize(on, userId, value));
    expect(answers.filter((answer) => answer.status === 200)).toEqual([]);
    expect(answers.filter((answer) => answer.status === 400).length).toBeLessThanOrEqual(1);
    expect(answers.every((answer) => answer.status === 400 || answer.status === 429)).toBe(true);
  });

  it("wait with a service token (the backend guessing): 40 guesses at once when one is left try at most one code", async () => {
    const { username, code } = await newCode("backend-wait", false);
    const backendWait = async (on: Instance, value: string) =>
      on.post(
        "/api/native/authenticate/code/wait",
        { client_id: t.clientId, username, authentication_code: { code: value, type: "short" } },
        { token: await t.token(ENDPOINTS.waitCode.scope) },
      );
    for (let i = 1; i < MAX_FAILED_ATTEMPTS - 1; i++) {
      expect((await outcome(await backendWait(t.one, wrongCode(code, "short", i)))).code).toBe("invalid_code");
    }
    const answers = await batch(code, (on, value) => backendWait(on, value));
    expect(answers.filter((answer) => answer.status === 200)).toEqual([]);
    expect(answers.filter((answer) => answer.status === 400).length).toBeLessThanOrEqual(1);
    expect(answers.every((answer) => answer.status === 400 || answer.status === 429)).toBe(true);
  });

  it("wait, one address: 40 guesses at once when the address has one left try at most one code", async () => {
    const { username, code } = await newCode("address-burst", true);
    const address = "10.87.0.1";
    for (let i = 1; i < PER_ADDRESS; i++) {
      expect((await outcome(await wait(t.one, username, wrongCode(code, "short", i), address))).code).toBe(
        "invalid_code",
      );
    }
    const answers = await batch(code, (on, value) => wait(on, username, value, address));
    expect(answers.filter((answer) => answer.status === 200)).toEqual([]);
    expect(answers.filter((answer) => answer.status === 400).length).toBeLessThanOrEqual(1);
    expect(answers.every((answer) => answer.status === 400 || answer.status === 429)).toBe(true);
  });

  it("wait, one address: a burst of 80 wrong codes cannot spend a victim's code", async () => {
    const { username, userId, code } = await newCode("victim", false);
    const values = Array.from({ length: 80 }, (_, i) => wrongCode(code, "short", 200 + i));
    const answers = await Promise.all(
      values.map((value, i) => wait(i % 2 ? t.two : t.one, username, value, "10.86.0.1").then(outcome)),
    );
    expect(answers.filter((answer) => answer.status === 400).length).toBeLessThanOrEqual(PER_ADDRESS);
    // The code took at most 10 of its 30 wrong guesses: the backend still approves it.
    expect((await authorize(t.two, userId, code)).status).toBe(200);
  });

  it("wait, one address: its wrong codes count on both instances together", async () => {
    const { username, code } = await newCode("address", true);
    const address = "10.88.0.1";
    for (let i = 1; i <= PER_ADDRESS; i++) {
      const on = i % 2 ? t.one : t.two;
      expect((await outcome(await wait(on, username, wrongCode(code, "short", i), address))).code).toBe("invalid_code");
    }
    for (const on of [t.one, t.two]) {
      expect(await outcome(await wait(on, username, code, address))).toEqual({
        status: 429,
        code: "too_many_attempts",
      });
    }
    expect((await wait(t.two, username, code, "10.88.0.2")).status).toBe(200);
  });

  it("wait, many addresses: 40 guesses at once when the code has one left never reach it twice", async () => {
    const { username, code } = await newCode("code", true);
    for (let i = 1; i < PER_CODE; i++) {
      const address = `10.89.${i}.1`;
      expect((await outcome(await wait(t.one, username, wrongCode(code, "short", i), address))).code).toBe(
        "invalid_code",
      );
    }
    const answers = await batch(code, (on, value, i) => wait(on, username, value, `10.90.${i}.1`));
    expect(answers.filter((answer) => answer.status === 200)).toEqual([]);
    expect(answers.every((answer) => answer.code === "invalid_code")).toBe(true);
    // The code took its budget of wrong guesses on both instances together: it is gone.
    expect((await outcome(await wait(t.two, username, code, "10.91.0.1"))).code).toBe("invalid_code");
  });
});
