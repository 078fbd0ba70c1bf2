import { sign } from "node:crypto";
import { deviceLoginInitResponseSchema, pwlessDevicesResponseSchema } from "@handoff/types";
import { describe, expect, it } from "vitest";
import { deviceBody, expectError, freshEmail, keys } from "./device-key-helpers.js";
import { type Instance, useTwoInstances } from "./two-instances.js";
import { usePostgres } from "./use-postgres.js";

const server = await usePostgres();
const t = await useTwoInstances(await server.createDatabase(), { devOutbox: true });

/** Registers a P-256 device key for `email` through `on` (signup, the mailed code, devices). */
async function registerKey(on: Instance, email: string) {
  expect((await on.post("/pwless/signup", { email, client_id: t.clientId })).status).toBe(200);
  const mail = on.service.outbox.findLast((m) => m.to === email && m.subject === "Your security code");
  const code = mail?.text.match(/Your security code is: (\S+)/)?.[1] ?? "";
  const pair = keys.p256();
  const response = await on.post("/pwless/devices", {
    ...deviceBody(email, code, pair.publicKey),
    client_id: t.clientId,
  });
  expect(response.status).toBe(200);
  const body = pwlessDevicesResponseSchema.parse(await response.json());
  return { userId: String(body.user.id), keyId: String(body.key.id), privateKey: pair.privateKey };
}

describe("a revoke on one instance, over Postgres", () => {
  it("ends the key's sign-in on the other instance, a challenge it issued before included", async () => {
    const email = freshEmail("pg-revoke");
    const first = await registerKey(t.one, email);
    await registerKey(t.one, email);
    const init = await t.two.post("/pwless/login/init", { email, key_id: first.keyId, client_id: t.clientId });
    const { challenge } = deviceLoginInitResponseSchema.parse(await init.json());

    const revoke = await t.one.post(
      "/api/native/credentials/revoke",
      { client_id: t.clientId, user_id: first.userId, credential: { uuid: first.keyId } },
      { token: await t.token("credentials.revoke") },
    );
    expect(revoke.status).toBe(200);

    const signature = sign("sha256", Buffer.from(challenge, "base64url"), {
      key: first.privateKey,
      dsaEncoding: "ieee-p1363",
    }).toString("base64url");
    const late = await t.two.post("/pwless/login/complete", { email, key_id: first.keyId, challenge, signature });
    await expectError(late, 400, "verification_failed");
  });
});
