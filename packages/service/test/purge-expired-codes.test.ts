import { describe, expect, it } from "vitest";
import { useService } from "./helpers.js";

let clock = Date.now();
// A high attempt limit: the polls below must not lock the user out while the purge runs.
const t = await useService({ now: () => clock, purgeIntervalMs: 50, maxFailedAttempts: 1000 });
const MINUTE = 60_000;

async function waitStatus(username: string, code: string): Promise<{ status: number; code: string }> {
  const response = await t.post(
    "/api/native/authenticate/code/wait",
    { client_id: t.clientId, username, authentication_code: { code, type: "short" } },
    { headers: { origin: t.origin } },
  );
  return { status: response.status, code: ((await response.json()) as { code: string }).code };
}

describe("expired codes are purged an hour after expiry", () => {
  it("answers code_expired within the hour, and the code is gone after it", async () => {
    const userId = await t.createUser("purge@example.com");
    const generated = await t.post(
      "/api/native/codes/short/generate",
      { client_id: t.clientId, user_id: userId, purpose: "temporary_authentication" },
      { token: await t.token("codes.generate", { iat: Math.floor(clock / 1000) }) },
    );
    const { code } = (await generated.json()) as { code: string };

    clock += 30 * MINUTE; // expired 25 minutes ago: kept
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await waitStatus("purge@example.com", code)).toEqual({ status: 410, code: "code_expired" });

    clock += 60 * MINUTE; // expired 85 minutes ago: the next purge deletes it
    await expect
      .poll(() => waitStatus("purge@example.com", code), { timeout: 3_000, interval: 100 })
      .toEqual({
        status: 400,
        code: "invalid_code",
      });
  });
});
