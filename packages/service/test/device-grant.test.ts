import { authorizationServerMetadataSchema, DEVICE_CODE_GRANT_TYPE, oauthErrorSchema } from "@handoff/types";
import { createRemoteJWKSet, decodeJwt, importJWK, type JWK, jwtVerify, SignJWT } from "jose";
import * as oauth from "openid-client";
import { describe, expect, it } from "vitest";
import { deviceGrantCalls } from "./device-grant-calls.js";
import { useService } from "./helpers.js";

const t = await useService({ devicePollIntervalSeconds: 1 });
const verificationUri = "http://localhost:5173/device";
await t.service.setDeviceGrant(t.clientId, { verificationUri });
const calls = deviceGrantCalls(t);
const userId = await t.createUser("device-grant@example.com");

/** openid-client's configuration for the test's public client, found by RFC 8414 discovery. */
async function discover(clientId = t.clientId, auth = oauth.None()) {
  return oauth.discovery(new URL(t.service.url), clientId, undefined, auth, {
    execute: [oauth.allowInsecureRequests],
    algorithm: "oauth2",
  });
}

/** Waits until the backend sees the authorization (so the approval comes after the first poll). */
async function approveSoon(userCode: string, action: "approve" | "deny" = "approve") {
  await new Promise((resolve) => setTimeout(resolve, 300));
  const response = await calls.decide(action, userCode, userId);
  expect(response.status).toBe(200);
}

describe("RFC 8628 with a stock client (openid-client): discovery, device authorization, polling", () => {
  it("publishes RFC 8414 metadata at both well-known paths", async () => {
    for (const path of ["/.well-known/oauth-authorization-server", "/.well-known/openid-configuration"]) {
      const metadata = authorizationServerMetadataSchema.parse(await (await fetch(`${t.service.url}${path}`)).json());
      expect(metadata).toMatchObject({
        issuer: t.service.url,
        device_authorization_endpoint: `${t.service.url}/oauth/device_authorization`,
        token_endpoint: `${t.service.url}/oauth/token`,
        jwks_uri: `${t.service.url}/.well-known/jwks.json`,
        grant_types_supported: [DEVICE_CODE_GRANT_TYPE],
        token_endpoint_auth_methods_supported: ["none", "private_key_jwt"],
      });
    }
  });

  it("signs a public client in: user code, verification URIs, approval, access token and ID token", async () => {
    const config = await discover();
    const started = await oauth.initiateDeviceAuthorization(config, { scope: "openid" });
    expect(started.user_code).toMatch(/^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);
    expect(started.verification_uri).toBe(verificationUri);
    expect(started.verification_uri_complete).toBe(`${verificationUri}?user_code=${started.user_code}`);
    expect(started.expires_in).toBe(600);
    expect(started.interval).toBe(1);

    // The user types it in lower case without the dash; the backend shows who asked, then approves.
    const typed = started.user_code.toLowerCase().replace("-", "");
    const shown = await calls.decide("retrieve", typed, userId);
    expect(shown.status).toBe(200);
    expect(await shown.json()).toMatchObject({ status: "pending", scope: "openid", requester: { ip: "127.0.0.1" } });
    const [tokens] = await Promise.all([oauth.pollDeviceAuthorizationGrant(config, started), approveSoon(typed)]);

    expect(tokens.token_type).toBe("bearer");
    expect(tokens.expires_in).toBe(900);
    const jwks = createRemoteJWKSet(new URL(`${t.service.url}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(tokens.access_token, jwks, {
      issuer: t.service.url,
      audience: t.clientId,
      algorithms: ["ES256"],
    });
    expect(payload).toMatchObject({ sub: userId, amr: ["code"], udata: "device-grant@example.com" });
    expect(typeof payload.jti).toBe("string");
    expect(tokens.claims()).toMatchObject({ iss: t.service.url, aud: t.clientId, sub: userId });
  });

  it("answers access_denied to the stock client when the user denies", async () => {
    const config = await discover();
    const started = await oauth.initiateDeviceAuthorization(config, {});
    const polling = oauth.pollDeviceAuthorizationGrant(config, started);
    await approveSoon(started.user_code, "deny");
    await expect(polling).rejects.toMatchObject({ error: "access_denied" });
  });

  it("authenticates a confidential client with private_key_jwt, and refuses it without", async () => {
    const confidential = await t.service.createClient({
      name: "confidential",
      deviceGrant: { verificationUri, tokenEndpointAuthMethod: "private_key_jwt" },
    });
    const key = await importJWK(confidential.privateKey as JWK, "ES256");
    if (key instanceof Uint8Array) throw new Error("an EC key was expected");
    const config = await discover(confidential.clientId, oauth.PrivateKeyJwt(key));
    const started = await oauth.initiateDeviceAuthorization(config, {});
    expect(started.user_code).toMatch(/^.{4}-.{4}$/);
    // Without an assertion the same client is refused, at both endpoints.
    const bare = await calls.form("/oauth/device_authorization", { client_id: confidential.clientId });
    expect(bare.status).toBe(401);
    expect(oauthErrorSchema.parse(await bare.json()).error).toBe("invalid_client");
    const unauthenticated = await calls.poll(started.device_code, { client_id: confidential.clientId });
    expect(unauthenticated.status).toBe(401);
    expect(oauthErrorSchema.parse(await unauthenticated.json()).error).toBe("invalid_client");

    // The test client's token cannot approve for another client.
    const foreign = await t.post(
      "/api/native/device-authorizations/approve",
      { client_id: confidential.clientId, user_code: started.user_code, user_id: userId },
      { token: await t.token("device_authorizations.approve") },
    );
    expect(foreign.status).toBe(403);

    // Its own backend approves, for a user of its own namespace; the stock client gets its tokens.
    const signer = await importJWK(confidential.privateKey as JWK, "ES256");
    const token = (scope: string) =>
      new SignJWT({ client_id: confidential.clientId, type: scope, nonce: crypto.randomUUID() })
        .setProtectedHeader({ alg: "ES256", typ: "JWT" })
        .setIssuedAt()
        .sign(signer);
    const created = await t.post(
      "/api/native/manage/users",
      { username: "cli@example.com" },
      { token: await token("users.create") },
    );
    const { id: ownUser } = (await created.json()) as { id: string };
    const polling = oauth.pollDeviceAuthorizationGrant(config, started);
    const approval = await t.post(
      "/api/native/device-authorizations/approve",
      { client_id: confidential.clientId, user_code: started.user_code, user_id: ownUser },
      { token: await token("device_authorizations.approve") },
    );
    expect(approval.status).toBe(200);
    const tokens = await polling;
    expect(decodeJwt(tokens.access_token)).toMatchObject({ aud: confidential.clientId, sub: ownUser });
    expect(tokens.id_token).toBeUndefined();
  });
});
