/**
 * The code limits count on every match seeing what committed before it (a lock waited for, then
 * the counts read): the service's transactions are READ COMMITTED whatever the database's
 * `default_transaction_isolation` says. On a database defaulting to REPEATABLE READ, two
 * instances migrate it together, and 150 wrong guesses at one code from 150 addresses still
 * reach it at most `maxGuessesPerCode` times: the code is gone, every guess answered 400.
 */
import { generateCodeResponseSchema } from "@handoff/types";
import { describe, expect, it } from "vitest";
import { useTwoInstances } from "../two-instances.js";
import { usePostgres } from "../use-postgres.js";
import { wrongCode } from "./code-calls.js";

const PER_CODE = 30;
const GUESSES = 150;
const purpose = "temporary_authentication";
const server = await usePostgres();
const url = await server.createDatabase();
await server.query(
  url,
  `ALTER DATABASE "${new URL(url).pathname.slice(1)}" SET default_transaction_isolation = 'repeatable read'`,
);
const t = await useTwoInstances(url, { maxGuessesPerCode: PER_CODE, trustProxy: true });

describe("a database that defaults to REPEATABLE READ", () => {
  it("is migrated by two instances at once, and a code's guess budget still holds", async () => {
    const username = `rr-${crypto.randomUUID()}@example.com`;
    const userId = await t.createUser(t.one, username);
    const generated = await t.one.post(
      "/api/native/codes/short/generate",
      { client_id: t.clientId, user_id: userId, purpose, authorize: false },
      { token: await t.token("codes.generate") },
    );
    const { code } = generateCodeResponseSchema.parse(await generated.json());
    const statuses = await Promise.all(
      Array.from({ length: GUESSES }, async (_, i) => {
        const response = await (i % 2 ? t.two : t.one).post(
          "/api/native/authenticate/code/wait",
          {
            client_id: t.clientId,
            username,
            authentication_code: { code: wrongCode(code, "short", 1000 + i), type: "short" },
          },
          { headers: { "x-forwarded-for": `10.${Math.floor(i / 250)}.${i % 250}.7` } },
        );
        await response.arrayBuffer();
        return response.status;
      }),
    );
    expect(statuses.filter((status) => status !== 400)).toEqual([]);
    const authorize = await t.one.post(
      "/api/native/codes/short/authorize",
      { client_id: t.clientId, user_id: userId, purpose, code },
      { token: await t.token("codes.authorize") },
    );
    expect(authorize.status).toBe(400); // deleted at its budget: the right code no longer works
  });
});
