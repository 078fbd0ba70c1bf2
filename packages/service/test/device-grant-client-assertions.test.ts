import { JWT_BEARER_ASSERTION_TYPE, oauthErrorSchema } from "@handoff/types";
import { importJWK, type JWK, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { deviceGrantCalls } from "./device-grant-calls.js";
import { useService } from "./helpers.js";

// private_key_jwt (RFC 7523) as an attacker would try it: replays, other audiences, long-lived or
// foreign assertions, algorithm confusion.
const t = await useService();
await t.service.setDeviceGrant(t.clientId, {
  verificationUri: "https://app.example/device",
  tokenEndpointAuthMethod: "private_key_jwt",
});
const calls = deviceGrantCalls(t);
const key = await importJWK(t.privateKey, "ES256");

/** An assertion of the test's client; `claims` override, `lifetimeSeconds` sets `exp`. */
function assertion(claims: Record<string, unknown> = {}, lifetimeSeconds = 60) {
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    iss: t.clientId,
    sub: t.clientId,
    aud: t.service.url,
    iat: now,
    exp: now + lifetimeSeconds,
    jti: crypto.randomUUID(),
    ...claims,
  };
  return new SignJWT(payload).setProtectedHeader({ alg: "ES256" }).sign(key);
}

const start = (clientAssertion: string, extra: Record<string, string> = {}) =>
  calls.form("/oauth/device_authorization", {
    client_assertion_type: JWT_BEARER_ASSERTION_TYPE,
    client_assertion: clientAssertion,
    ...extra,
  });

async function refused(response: Response) {
  expect(response.status).toBe(401);
  expect(oauthErrorSchema.parse(await response.json()).error).toBe("invalid_client");
}

describe("private_key_jwt client assertions", () => {
  it("accepts one assertion once: a replay is invalid_client", async () => {
    const signed = await assertion();
    expect((await start(signed)).status).toBe(200);
    await refused(await start(signed));
  });

  it("accepts the token endpoint's URL as audience, and refuses another audience", async () => {
    expect((await start(await assertion({ aud: `${t.service.url}/oauth/device_authorization` }))).status).toBe(200);
    await refused(await start(await assertion({ aud: "https://elsewhere.example" })));
  });

  it("refuses an assertion valid for more than 5 minutes, without exp or jti, or expired", async () => {
    await refused(await start(await assertion({}, 600)));
    await refused(await start(await assertion({ jti: undefined })));
    await refused(await start(await assertion({ exp: undefined })));
    await refused(await start(await assertion({ jti: "short" })));
    await refused(await start(await assertion({}, -120)));
  });

  it("refuses another client's key, alg none and HS256 with the public key, and a mismatched client_id", async () => {
    const other = await t.service.createClient({ name: "other" });
    const foreign = await importJWK(other.privateKey as JWK, "ES256");
    const now = Math.floor(Date.now() / 1000);
    const forged = await new SignJWT({ jti: crypto.randomUUID() })
      .setProtectedHeader({ alg: "ES256" })
      .setIssuer(t.clientId)
      .setSubject(t.clientId)
      .setAudience(t.service.url)
      .setExpirationTime(now + 60)
      .sign(foreign);
    await refused(await start(forged));
    const payload = Buffer.from(
      JSON.stringify({ iss: t.clientId, sub: t.clientId, aud: t.service.url, exp: now + 60, jti: crypto.randomUUID() }),
    ).toString("base64url");
    await refused(await start(`${Buffer.from('{"alg":"none"}').toString("base64url")}.${payload}.`));
    const hs256 = await new SignJWT({ jti: crypto.randomUUID() })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer(t.clientId)
      .setSubject(t.clientId)
      .setAudience(t.service.url)
      .setExpirationTime(now + 60)
      .sign(new TextEncoder().encode(JSON.stringify(t.privateKey.x)));
    await refused(await start(hs256));
    await refused(await start(await assertion(), { client_id: other.clientId }));
    await refused(await calls.form("/oauth/device_authorization", { client_assertion: await assertion() }));
  });
});
