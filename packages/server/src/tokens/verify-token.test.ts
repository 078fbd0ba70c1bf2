import { type HandoffError, isHandoffError } from "@handoff/types";
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from "jose";
import { delay, HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createServerClient } from "../create-server-client.js";
import type { ServerClientOptions } from "../server-client-options.js";

const BASE = "https://handoff.test";
const JWKS_URL = `${BASE}/.well-known/jwks.json`;
const CLIENT_ID = "client-1";
const service = await generateKeyPair("ES256", { extractable: true });
const rotated = await generateKeyPair("ES256", { extractable: true });
const publicJwk = { ...(await exportJWK(service.publicKey)), kid: "k1", alg: "ES256", use: "sig" };
const rotatedJwk = { ...(await exportJWK(rotated.publicKey)), kid: "k2", alg: "ES256", use: "sig" };
const backend = await exportJWK((await generateKeyPair("ES256", { extractable: true })).privateKey);

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
afterEach(() => {
  server.resetHandlers();
  vi.useRealTimers();
});
afterAll(() => server.close());

function serveJwks(keys: object[] = [publicJwk]) {
  const fetched = { count: 0 };
  server.use(
    http.get(JWKS_URL, () => {
      fetched.count++;
      return HttpResponse.json({ keys });
    }),
  );
  return fetched;
}

function client(extra: Partial<ServerClientOptions> = {}) {
  return createServerClient({ baseUrl: BASE, clientId: CLIENT_ID, privateKey: backend, ...extra });
}

const now = () => Math.floor(Date.now() / 1000);
const claims = (): JWTPayload => ({
  iss: BASE,
  aud: CLIENT_ID,
  sub: "u1",
  udata: "alice@example.com",
  iat: now(),
  exp: now() + 900,
  jti: "t1",
});

function sign(payload: JWTPayload, { key = service.privateKey, kid = "k1" } = {}) {
  return new SignJWT(payload).setProtectedHeader({ alg: "ES256", typ: "JWT", kid }).sign(key);
}

async function rejection(promise: Promise<unknown>): Promise<HandoffError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isHandoffError(error)) throw new Error(`expected a HandoffError, got ${String(error)}`);
  return error;
}

describe("verifyToken", () => {
  it("returns typed claims of a valid token", async () => {
    serveJwks();
    const payload = claims();
    expect(await client().verifyToken(await sign(payload), { username: "alice@example.com" })).toEqual({
      userId: "u1",
      username: "alice@example.com",
      clientId: CLIENT_ID,
      issuer: BASE,
      issuedAt: new Date((payload.iat ?? 0) * 1000),
      expiresAt: new Date((payload.exp ?? 0) * 1000),
      tokenId: "t1",
      credential: null,
    });
  });

  it("names the session's credential from amr and credential_id, and only a type of the contract", async () => {
    serveJwks();
    const passkey = await sign({ ...claims(), amr: ["fido2"], credential_id: "p1" });
    expect((await client().verifyToken(passkey)).credential).toEqual({ type: "fido2", id: "p1" });
    const unknownType = await sign({ ...claims(), amr: ["pwd"], credential_id: "p1" });
    expect((await client().verifyToken(unknownType)).credential).toBeNull();
    const noUuid = await sign({ ...claims(), amr: ["code"] });
    expect((await client().verifyToken(noUuid)).credential).toBeNull();
  });

  it("reports this client as clientId when aud lists several audiences", async () => {
    serveJwks();
    const jwt = await sign({ ...claims(), aud: ["someone-else", CLIENT_ID] });
    expect((await client().verifyToken(jwt)).clientId).toBe(CLIENT_ID);
  });

  it("expired is jwt_expired; clockToleranceSeconds decides how much skew passes", async () => {
    serveJwks();
    const jwt = await sign({ ...claims(), iat: now() - 960, exp: now() - 60 });
    expect((await rejection(client().verifyToken(jwt))).code).toBe("jwt_expired");
    expect((await client({ clockToleranceSeconds: 120 }).verifyToken(jwt)).userId).toBe("u1");
    const justExpired = await sign({ ...claims(), exp: now() - 10 });
    expect((await client().verifyToken(justExpired)).userId).toBe("u1");
    expect((await rejection(client({ clockToleranceSeconds: 0 }).verifyToken(justExpired))).code).toBe("jwt_expired");
  });

  it("requires exp, the issuer, the audience and the contract's claims", async () => {
    serveJwks();
    const { exp: _exp, ...noExp } = claims();
    const { udata: _udata, ...noUdata } = claims();
    for (const payload of [
      noExp,
      noUdata,
      { ...claims(), iss: "https://evil.example" },
      { ...claims(), aud: "another-client" },
      { ...claims(), sub: "" },
      { ...claims(), nbf: now() + 600 },
    ]) {
      expect((await rejection(client().verifyToken(await sign(payload)))).code).toBe("invalid_jwt");
    }
    expect((await rejection(client().verifyToken(await sign(claims()), { username: "bob@example.com" }))).code).toBe(
      "invalid_jwt",
    );
  });

  it("checks the configured issuer instead of baseUrl when given", async () => {
    serveJwks();
    const jwt = await sign({ ...claims(), iss: "https://auth.example.com" });
    expect((await rejection(client().verifyToken(jwt))).code).toBe("invalid_jwt");
    expect((await client({ issuer: "https://auth.example.com" }).verifyToken(jwt)).issuer).toBe(
      "https://auth.example.com",
    );
  });

  it("fetches the JWKS once per client, and again for an unknown kid after jose's 30 s cooldown", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    let keys: object[] = [publicJwk];
    const fetched = { count: 0 };
    server.use(
      http.get(JWKS_URL, () => {
        fetched.count++;
        return HttpResponse.json({ keys });
      }),
    );
    const handoff = client();
    await handoff.verifyToken(await sign(claims()));
    await handoff.verifyToken(await sign(claims()));
    expect(fetched.count).toBe(1);

    keys = [publicJwk, rotatedJwk];
    const fromNewKey = await sign(claims(), { key: rotated.privateKey, kid: "k2" });
    expect((await rejection(handoff.verifyToken(fromNewKey))).code).toBe("invalid_jwt");
    vi.setSystemTime(Date.now() + 31_000);
    expect((await handoff.verifyToken(await sign(claims(), { key: rotated.privateKey, kid: "k2" }))).userId).toBe("u1");
    expect(fetched.count).toBe(2);
  });

  it("a JWKS that cannot be fetched is not an invalid token: network_error, invalid_response, timeout", async () => {
    const jwt = await sign(claims());
    server.use(http.get(JWKS_URL, () => HttpResponse.error()));
    expect(await rejection(client().verifyToken(jwt))).toMatchObject({
      code: "network_error",
      details: { path: "/.well-known/jwks.json" },
    });

    server.use(http.get(JWKS_URL, () => HttpResponse.json({ code: "internal_error", message: "" }, { status: 500 })));
    expect((await rejection(client().verifyToken(jwt))).code).toBe("invalid_response");

    server.use(http.get(JWKS_URL, () => HttpResponse.json({ not: "a jwks" })));
    expect((await rejection(client().verifyToken(jwt))).code).toBe("invalid_response");

    server.use(
      http.get(JWKS_URL, async () => {
        await delay(2_000);
        return HttpResponse.json({ keys: [publicJwk] });
      }),
    );
    expect((await rejection(client({ timeoutMs: 50 }).verifyToken(jwt))).code).toBe("timeout");
  });

  it("uses the fetch option for the JWKS too", async () => {
    const custom = vi.fn<typeof fetch>(async () => Response.json({ keys: [publicJwk] }));
    expect((await client({ fetch: custom }).verifyToken(await sign(claims()))).userId).toBe("u1");
    expect(custom).toHaveBeenCalledTimes(1);
    expect(String(custom.mock.calls[0]?.[0])).toBe(JWKS_URL);
  });
});
