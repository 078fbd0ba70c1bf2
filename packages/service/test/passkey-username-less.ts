import { authenticationOptionsResponseSchema } from "@handoff/types";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { credentialCalls } from "./credential-calls.js";
import { useService } from "./helpers.js";
import { passkeyCalls } from "./passkey-calls.js";
import { SoftAuthenticator } from "./soft-authenticator.js";
import { userLifecycleCalls } from "./user-lifecycle-calls.js";

const newName = () => `discoverable-${crypto.randomUUID()}@example.com`;

/**
 * Username-less passkey sign-in (discoverable credentials) against a service on `database`
 * ([contract: passkeys](../../../docs/contract.md#passkeys-webauthn)): run on SQLite and on
 * Postgres.
 */
export async function describeUsernameLessSignIn(name: string, database: string): Promise<void> {
  const t = await useService({ database });
  const api = passkeyCalls(t);
  const credentials = credentialCalls(t);
  const users = userLifecycleCalls(t);
  const complete = (credential: unknown, username?: string) =>
    api.call("authenticateComplete", { client_id: t.clientId, username, credential });

  describe(`${name}: username-less passkey sign-in`, () => {
    it("signs in the passkey's owner: options name no credential, the session names the owner", async () => {
      const username = newName();
      const authenticator = new SoftAuthenticator(t.origin);
      const signedUp = await api.signUp(username, authenticator);
      const options = await api.authenticateOptions();
      expect(options.allowCredentials).toBeUndefined();
      expect(options.userVerification).toBe("required");
      expect(options.rpId).toBe("localhost");

      const signedIn = await api.signInWithoutUsername(authenticator);
      expect(signedIn.user).toMatchObject({ id: signedUp.user.id, username });
      expect(signedIn.credential.uuid).toBe(signedUp.credential.uuid);
      const jwks = createRemoteJWKSet(new URL(`${t.service.url}/.well-known/jwks.json`));
      const { payload } = await jwtVerify(signedIn.jwt, jwks, { audience: t.clientId, issuer: t.service.url });
      expect(payload).toMatchObject({ sub: signedUp.user.id, udata: username });
      // The counter moved on: the same assertion again is a spent challenge, a lower counter refused.
      const cloned = authenticator.authenticate(await api.authenticateOptions(), { counter: 1 });
      expect(await api.refusal(await complete(cloned))).toEqual({ status: 400, code: "verification_failed" });
    });

    it("answers an unknown and a revoked passkey alike (404 credential_not_found)", async () => {
      const stranger = new SoftAuthenticator(t.origin);
      stranger.userHandle = Buffer.from(crypto.randomUUID()).toString("base64url");
      const unknown = await complete(stranger.authenticate(await api.authenticateOptions()));
      const unknownBody = await unknown.json();

      const authenticator = new SoftAuthenticator(t.origin);
      const { user } = await api.signUp(newName(), authenticator);
      await credentials.revoke(user.id, authenticator.credentialId, true);
      const revoked = await complete(authenticator.authenticate(await api.authenticateOptions()));
      expect({ status: revoked.status, body: await revoked.json() }).toEqual({
        status: unknown.status,
        body: unknownBody,
      });
      expect(unknown.status).toBe(404);
      expect(unknownBody).toMatchObject({ code: "credential_not_found" });
    });

    it("refuses a user handle that is not the passkey owner's, and an assertion without one", async () => {
      const authenticator = new SoftAuthenticator(t.origin);
      await api.signUp(newName(), authenticator);
      const other = await api.signUp(newName(), new SoftAuthenticator(t.origin));
      const otherHandle = Buffer.from(other.user.id).toString("base64url");
      for (const userHandle of [otherHandle, null]) {
        const assertion = authenticator.authenticate(await api.authenticateOptions(), { userHandle });
        expect(await api.refusal(await complete(assertion))).toEqual({ status: 400, code: "verification_failed" });
      }
    });

    it("refuses a deactivated owner, once the passkey verified (403 user_deactivated)", async () => {
      const authenticator = new SoftAuthenticator(t.origin);
      const { user } = await api.signUp(newName(), authenticator);
      expect((await users.deactivate(user.id)).status).toBe(200);
      const assertion = authenticator.authenticate(await api.authenticateOptions());
      expect(await api.refusal(await complete(assertion))).toEqual({ status: 403, code: "user_deactivated" });
      expect((await users.activate(user.id)).status).toBe(200);
      expect((await api.signInWithoutUsername(authenticator)).user.id).toBe(user.id);
    });

    it("never lets a username-less challenge and a named one stand in for each other", async () => {
      const username = newName();
      const authenticator = new SoftAuthenticator(t.origin);
      await api.signUp(username, authenticator);
      const anonymous = authenticator.authenticate(await api.authenticateOptions());
      expect(await api.refusal(await complete(anonymous, username))).toEqual({
        status: 400,
        code: "invalid_challenge",
      });
      const named = authenticator.authenticate(await api.authenticateOptions(username));
      expect(await api.refusal(await complete(named))).toEqual({ status: 400, code: "invalid_challenge" });
    });

    it("does not sign in across clients: another client's passkey is unknown here", async () => {
      const other = await t.service.createClient({ name: "other", origins: [t.origin] });
      const authenticator = new SoftAuthenticator(t.origin);
      await api.signUp(newName(), authenticator);
      const init = await api.call("authenticateInit", { client_id: other.clientId });
      const { options } = authenticationOptionsResponseSchema.parse(await init.json());
      const response = await api.call("authenticateComplete", {
        client_id: other.clientId,
        credential: authenticator.authenticate(options),
      });
      expect(await api.refusal(response)).toEqual({ status: 404, code: "credential_not_found" });
    });
  });
}
