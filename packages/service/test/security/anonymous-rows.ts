import { sign } from "node:crypto";
import { deviceLoginInitResponseSchema, generateCodeResponseSchema } from "@handoff/types";
import { describe, expect, it } from "vitest";
import type { LogEntry } from "../../src/index.js";
import { addDeviceFlow, freshEmail, keys } from "../device-key-helpers.js";
import { useService } from "../helpers.js";

/**
 * The tables requests fill with rows that end; the purge must empty them of ended rows. On
 * Postgres the per-address limiter counts in `rate_limits` too (on SQLite it counts in memory).
 */
const ENDING_TABLES = ["codes", "challenges", "attempts", "nonces", "device_authorizations"] as const;
type EndingTable = (typeof ENDING_TABLES)[number] | "rate_limits";

/** A table whose rows are counted: the ending ones, and the accounts that must be kept. */
export type CountedTable = EndingTable | "users" | "device_keys";

/** The purge's log field of each table. */
const LOGGED: Record<EndingTable, string> = {
  codes: "codes",
  challenges: "challenges",
  attempts: "attempts",
  nonces: "nonces",
  device_authorizations: "deviceAuthorizations",
  rate_limits: "rateLimits",
};

const HOUR = 60 * 60_000;
/** Anonymous requests of each kind. */
const ROUNDS = 20;

/**
 * Starts a service on `database` with a fake clock and a purge every 50 ms, and describes the
 * regression test of issue 14, item 4: rows written by anonymous requests (passkey sign-up and
 * sign-in challenges, username-less ones included, attempt counters of unknown names, security codes of unknown emails, device-login
 * challenges) are all deleted once they end, while a real user's account and live rows stay.
 * `countRows` counts the rows of a table the way an operator would, outside the service.
 */
export async function describeAnonymousRowsPurged(
  name: string,
  database: string,
  countRows: (table: CountedTable) => Promise<number>,
  options: { limiterTable: boolean },
): Promise<void> {
  const tables: EndingTable[] = [...ENDING_TABLES, ...(options.limiterTable ? (["rate_limits"] as const) : [])];
  const none = Object.fromEntries(tables.map((table) => [table, 0]));
  let clock = Date.now();
  const logs: LogEntry[] = [];
  // A high attempt limit: the anonymous guesses below are never locked out.
  const t = await useService({
    database,
    now: () => clock,
    purgeIntervalMs: 50,
    maxFailedAttempts: 1000,
    logger: (entry) => logs.push(entry),
  });
  const { register } = addDeviceFlow(t);
  await t.service.setDeviceGrant(t.clientId, { verificationUri: "https://app.example/device" });
  const oauthForm = (path: string, params: Record<string, string>) =>
    fetch(`${t.service.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(params).toString(),
    });
  const browser = { headers: { origin: t.origin } };

  const counts = async () => {
    const entries = await Promise.all(tables.map(async (table) => [table, await countRows(table)] as const));
    return Object.fromEntries(entries) as Record<EndingTable, number>;
  };
  const loginInit = async (email: string, keyId: string) => {
    const response = await t.post("/pwless/login/init", { email, key_id: keyId });
    expect(response.status).toBe(200);
    return deviceLoginInitResponseSchema.parse(await response.json()).challenge;
  };

  describe(`${name}: rows left by anonymous requests are purged once they end`, () => {
    it("empties codes, challenges, attempts, nonces and device authorizations, and keeps the real user's live rows", async () => {
      // Real users: one made by its backend (a service token: a nonce), one with a device key.
      const userId = await t.createUser(freshEmail("backend-user"));
      const email = freshEmail("real");
      const pair = keys.p256();
      const keyId = String((await register(email, pair.publicKey)).key.id);

      // What an outsider can send without any credential, over and over.
      for (let i = 0; i < ROUNDS; i++) {
        const username = `stranger-${i}-${crypto.randomUUID()}@example.com`;
        const init = await t.post("/api/native/register/fido2/init", { client_id: t.clientId, username }, browser);
        expect(init.status).toBe(200);
        // Passkey sign-in starts, username-less and for a name nobody has: each stores a challenge.
        for (const signIn of [{ client_id: t.clientId }, { client_id: t.clientId, username }]) {
          expect((await t.post("/api/native/authenticate/fido2/init", signIn, browser)).status).toBe(200);
        }
        const wait = await t.post(
          "/api/native/authenticate/code/wait",
          { client_id: t.clientId, username, authentication_code: { code: "000000", type: "short" } },
          browser,
        );
        expect(wait.status).toBe(400);
        expect((await t.post("/pwless/signup", { email: freshEmail("nobody") })).status).toBe(200);
        await loginInit(email, keyId);
        // An OAuth device authorization (RFC 8628), and a token request with a made-up device code.
        expect((await oauthForm("/oauth/device_authorization", { client_id: t.clientId })).status).toBe(200);
        const token = await oauthForm("/oauth/token", {
          client_id: t.clientId,
          grant_type: "urn:ietf:params:oauth:grant-type:device_code",
          device_code: crypto.randomUUID(),
        });
        expect(token.status).toBe(400);
      }
      const before = await counts();
      expect(before.challenges).toBeGreaterThanOrEqual(4 * ROUNDS);
      expect(before.attempts).toBeGreaterThanOrEqual(ROUNDS); // the signup limit, per email
      if (options.limiterTable) expect(before.rate_limits).toBeGreaterThanOrEqual(1); // per address
      expect(before.codes).toBeGreaterThanOrEqual(ROUNDS);
      expect(before.nonces).toBeGreaterThanOrEqual(1);
      expect(before.device_authorizations).toBe(ROUNDS);

      // Past every expiry and window, and the hour expired codes are kept.
      clock += 2 * HOUR;
      await expect.poll(counts, { timeout: 5_000, interval: 50 }).toEqual(none);
      // The purges logged what they deleted (the last line may follow the last DELETE by a moment).
      const purged = () => logs.filter((entry) => entry.msg === "expired rows purged");
      const logged = (table: EndingTable) => purged().reduce((sum, entry) => sum + Number(entry[LOGGED[table]]), 0);
      await expect.poll(() => tables.map(logged)).toEqual(tables.map((table) => before[table]));
      for (const entry of purged()) {
        expect(Object.keys(entry).sort()).toEqual([
          "attempts",
          "challenges",
          "codes",
          "deviceAuthorizations",
          "level",
          "msg",
          "nonces",
          "rateLimits",
        ]);
      }
      expect(logs.filter((entry) => entry.msg === "expired rows not purged")).toEqual([]);

      // Live rows of the real user survive the purges that follow, and still work.
      const generated = await t.post(
        "/api/native/codes/short/generate",
        { client_id: t.clientId, user_id: userId, purpose: "temporary_authentication" },
        { token: await t.token("codes.generate", { iat: Math.floor(clock / 1000) }) },
      );
      expect(generateCodeResponseSchema.parse(await generated.json()).code).toBeTruthy();
      const challenge = await loginInit(email, keyId);
      await new Promise((resolve) => setTimeout(resolve, 300)); // several purges
      expect(await counts()).toEqual({ ...none, codes: 1, challenges: 1, nonces: 1 });
      expect(await countRows("users")).toBe(2);
      expect(await countRows("device_keys")).toBe(1);
      const signature = sign("sha256", Buffer.from(challenge, "base64url"), {
        key: pair.privateKey,
        dsaEncoding: "ieee-p1363",
      }).toString("base64url");
      const complete = await t.post("/pwless/login/complete", { email, key_id: keyId, challenge, signature });
      expect(complete.status).toBe(200);
    });
  });
}
