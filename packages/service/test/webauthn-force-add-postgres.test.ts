import { registrationOptionsResponseSchema } from "@handoff/types";
import { describe, expect, it } from "vitest";
import { expectError, freshEmail } from "./device-key-helpers.js";
import { SoftAuthenticator } from "./soft-authenticator.js";
import { type Instance, useTwoInstances } from "./two-instances.js";
import { usePostgres } from "./use-postgres.js";

const server = await usePostgres();
const t = await useTwoInstances(await server.createDatabase(), { devOutbox: true });

const forceInit = async (on: Instance, userId: string) => {
  const response = await on.post(
    "/api/native/credentials/fido2/init/force",
    { client_id: t.clientId, user_id: userId },
    { token: await t.token("credentials.force_add", { user_id: userId }) },
  );
  expect(response.status).toBe(200);
  return registrationOptionsResponseSchema.parse(await response.json()).options;
};
const complete = (on: Instance, username: string, credential: unknown) =>
  on.post(
    "/api/native/credentials/fido2/complete",
    { client_id: t.clientId, username, credential },
    { headers: { origin: t.origin } },
  );

describe("adding a passkey on the backend's word, over Postgres", () => {
  it("completes on the other instance once; the challenge is spent for both", async () => {
    const username = freshEmail("pg-force");
    const userId = await t.createUser(t.one, username);
    const options = await forceInit(t.one, userId);
    const credential = new SoftAuthenticator(t.origin).register(options);
    const added = await complete(t.two, username, credential);
    expect(added.status).toBe(200);
    expect(await added.json()).toMatchObject({ user: { id: userId }, credential: { type: "fido2" } });
    const replayed = new SoftAuthenticator(t.origin).register(options);
    await expectError(await complete(t.one, username, replayed), 400, "invalid_challenge");
  });

  it("fails on one instance for a user deactivated on the other after init", async () => {
    const username = freshEmail("pg-force-off");
    const userId = await t.createUser(t.one, username);
    const options = await forceInit(t.one, userId);
    const off = await fetch(`${t.two.service.url}/api/native/manage/users/${userId}/deactivate`, {
      method: "PUT",
      headers: { authorization: `Bearer ${await t.token("users.deactivate")}` },
    });
    expect(off.status).toBe(200);
    const late = await complete(t.one, username, new SoftAuthenticator(t.origin).register(options));
    await expectError(late, 403, "user_deactivated");
  });
});
