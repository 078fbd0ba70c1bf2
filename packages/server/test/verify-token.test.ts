import { authenticationResponseSchema, type HandoffError, isHandoffError } from "@handoff/types";
import { base64url, decodeJwt, decodeProtectedHeader, errors, generateKeyPair, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import type { ServerClient } from "../src/index.js";
import { type TestService, useService } from "./helpers.js";

const t = await useService();
const shortLived = await useService({ jwtLifetimeSeconds: 1 });
const purpose = "temporary_authentication";

let counter = 0;
/** Signs a new user in through the real flow and returns the JWT the wait answered. */
async function signIn(service: TestService, handoff: ServerClient = service.handoff): Promise<string> {
  const clientId = handoff.clientId;
  const username = `user${++counter}@example.com`;
  const user = await handoff.createUser(username);
  const { code } = await handoff.generateCode({ userId: user.id, codeType: "short", purpose, authorize: true });
  const response = await service.wait(username, code, "short", { clientId });
  expect(response.status).toBe(200);
  return authenticationResponseSchema.parse(await response.json()).jwt;
}

async function rejection(promise: Promise<unknown>): Promise<HandoffError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isHandoffError(error)) throw new Error(`expected a HandoffError, got ${String(error)}`);
  return error;
}

function joseCode(error: HandoffError): unknown {
  return error.cause instanceof errors.JOSEError ? error.cause.code : undefined;
}

const encodeJson = (value: unknown) => base64url.encode(JSON.stringify(value));

describe("verifyToken against the real service's JWKS", () => {
  it("accepts a token of this client, and only with the right username", async () => {
    const jwt = await signIn(t);
    const claims = await t.handoff.verifyToken(jwt);
    expect(claims.clientId).toBe(t.clientId);
    expect(await rejection(t.handoff.verifyToken(jwt, { username: "someone-else@example.com" }))).toMatchObject({
      code: "invalid_jwt",
    });
  });

  it("rejects a token issued to another client (wrong audience)", async () => {
    const other = await t.otherClient();
    const jwt = await signIn(t, other.handoff);
    expect((await other.handoff.verifyToken(jwt)).clientId).toBe(other.clientId);
    const error = await rejection(t.handoff.verifyToken(jwt));
    expect(error.code).toBe("invalid_jwt");
    expect(joseCode(error)).toBe("ERR_JWT_CLAIM_VALIDATION_FAILED");
  });

  it("rejects a token from another issuer than configured", async () => {
    const jwt = await signIn(t);
    const error = await rejection(t.client({ issuer: "https://auth.example.com" }).verifyToken(jwt));
    expect(error.code).toBe("invalid_jwt");
  });

  it("rejects an expired token with jwt_expired", async () => {
    const jwt = await signIn(shortLived);
    const strict = shortLived.client({ clockToleranceSeconds: 0 });
    const { exp } = decodeJwt(jwt);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, (exp ?? 0) * 1000 - Date.now() + 50)));
    const error = await rejection(strict.verifyToken(jwt));
    expect(error.code).toBe("jwt_expired");
    expect(joseCode(error)).toBe("ERR_JWT_EXPIRED");
    // The default tolerance (30 s) still accepts it: the option is what made the difference.
    expect((await shortLived.handoff.verifyToken(jwt)).username).toMatch(/@example\.com$/);
  });

  it("rejects a tampered payload", async () => {
    const jwt = await signIn(t);
    const [header, payload, signature] = jwt.split(".") as [string, string, string];
    const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload))) as Record<string, unknown>;
    const tampered = `${header}.${encodeJson({ ...claims, udata: "admin@example.com" })}.${signature}`;
    const error = await rejection(t.handoff.verifyToken(tampered));
    expect(error.code).toBe("invalid_jwt");
    expect(joseCode(error)).toBe("ERR_JWS_SIGNATURE_VERIFICATION_FAILED");
  });

  it("rejects alg none", async () => {
    const jwt = await signIn(t);
    const [, payload] = jwt.split(".") as [string, string];
    const unsigned = `${encodeJson({ alg: "none", typ: "JWT" })}.${payload}.`;
    const error = await rejection(t.handoff.verifyToken(unsigned));
    expect(error.code).toBe("invalid_jwt");
    expect(joseCode(error)).toBe("ERR_JOSE_ALG_NOT_ALLOWED");
  });

  it("rejects HS256 signed with the service's public key as the secret", async () => {
    const jwt = await signIn(t);
    const { kid } = decodeProtectedHeader(jwt);
    const jwks = (await (await fetch(`${t.service.url}/.well-known/jwks.json`)).json()) as { keys: object[] };
    const publicJwk = jwks.keys.find((key) => (key as { kid?: string }).kid === kid);
    expect(publicJwk).toBeDefined();
    const secret = new TextEncoder().encode(JSON.stringify(publicJwk));
    const forged = await new SignJWT(decodeJwt(jwt))
      .setProtectedHeader({ alg: "HS256", typ: "JWT", ...(kid ? { kid } : {}) })
      .sign(secret);
    const error = await rejection(t.handoff.verifyToken(forged));
    expect(error.code).toBe("invalid_jwt");
    expect(joseCode(error)).toBe("ERR_JOSE_ALG_NOT_ALLOWED");
  });

  it("rejects a token signed by a key that is not in the JWKS, with the service's kid or another", async () => {
    const jwt = await signIn(t);
    const { kid } = decodeProtectedHeader(jwt);
    const { privateKey } = await generateKeyPair("ES256");
    const claims = decodeJwt(jwt);
    const sign = (keyId: string) =>
      new SignJWT({ ...claims, udata: "mallory@example.com" })
        .setProtectedHeader({ alg: "ES256", typ: "JWT", kid: keyId })
        .sign(privateKey);

    const sameKid = await rejection(t.handoff.verifyToken(await sign(kid as string)));
    expect(sameKid.code).toBe("invalid_jwt");
    expect(joseCode(sameKid)).toBe("ERR_JWS_SIGNATURE_VERIFICATION_FAILED");

    const unknownKid = await rejection(t.handoff.verifyToken(await sign("not-a-service-key")));
    expect(unknownKid.code).toBe("invalid_jwt");
    expect(joseCode(unknownKid)).toBe("ERR_JWKS_NO_MATCHING_KEY");
  });

  it("never accepts a service token as a user JWT", async () => {
    const { privateKey } = await generateKeyPair("ES256");
    const serviceToken = await new SignJWT({ client_id: t.clientId, type: "users.retrieve", nonce: "n".repeat(16) })
      .setProtectedHeader({ alg: "ES256", typ: "JWT" })
      .setIssuedAt()
      .setExpirationTime("1m")
      .sign(privateKey);
    expect((await rejection(t.handoff.verifyToken(serviceToken))).code).toBe("invalid_jwt");
  });

  it("refuses garbage and non-strings without fetching anything", async () => {
    expect((await rejection(t.handoff.verifyToken("not.a.jwt"))).code).toBe("invalid_jwt");
    expect((await rejection(t.handoff.verifyToken(""))).code).toBe("invalid_argument");
    // @ts-expect-error — plain JavaScript callers may pass anything.
    expect((await rejection(t.handoff.verifyToken(undefined))).code).toBe("invalid_argument");
  });
});
