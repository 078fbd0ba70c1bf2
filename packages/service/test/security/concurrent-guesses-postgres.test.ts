import { generateCodeResponseSchema } from "@handoff/types";
import { describe, expect, it } from "vitest";
import { type Instance, useTwoInstances } from "../two-instances.js";
import { usePostgres } from "../use-postgres.js";
import { outcome, wrongCode } from "./code-calls.js";

const MAX_FAILED_ATTEMPTS = 10;
const server = await usePostgres();
const t = await useTwoInstances(await server.createDatabase(), { maxFailedAttempts: MAX_FAILED_ATTEMPTS });
const purpose = "temporary_authentication";

function wait(on: Instance, username: string, code: string) {
  return on.post("/api/native/authenticate/code/wait", {
    client_id: t.clientId,
    username,
    authentication_code: { code, type: "short" },
  });
}

async function authorize(on: Instance, userId: string, code: string) {
  return on.post(
    "/api/native/codes/short/authorize",
    { client_id: t.clientId, user_id: userId, purpose, code },
    { token: await t.token("codes.authorize") },
  );
}

describe("concurrent guesses on two instances sharing Postgres", () => {
  for (const surface of ["wait", "authorize"] as const) {
    it(`${surface}: 40 guesses at once when one is left try at most one code`, async () => {
      const username = `race-${surface}-${crypto.randomUUID()}@example.com`;
      const userId = await t.createUser(t.one, username);
      const generated = await t.one.post(
        "/api/native/codes/short/generate",
        { client_id: t.clientId, user_id: userId, purpose, authorize: surface === "wait" },
        { token: await t.token("codes.generate") },
      );
      const { code } = generateCodeResponseSchema.parse(await generated.json());
      const guess = (on: Instance, value: string) =>
        surface === "wait" ? wait(on, username, value) : authorize(on, userId, value);
      for (let i = 1; i < MAX_FAILED_ATTEMPTS - 1; i++) {
        expect((await outcome(await guess(t.one, wrongCode(code, "short", i)))).code).toBe("invalid_code");
      }
      // One guess is left. 40 at once, spread over both instances, the right code last.
      const batch = Array.from({ length: 40 }, (_, i) => (i === 39 ? code : wrongCode(code, "short", 100 + i)));
      const answers = await Promise.all(batch.map((value, i) => guess(i % 2 ? t.two : t.one, value).then(outcome)));
      expect(answers.filter((answer) => answer.status === 200)).toEqual([]);
      expect(answers.filter((answer) => answer.status === 400).length).toBeLessThanOrEqual(1);
      expect(answers.every((answer) => answer.status === 400 || answer.status === 429)).toBe(true);
    });
  }
});
