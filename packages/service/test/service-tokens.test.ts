import { base64url, exportJWK, generateKeyPair, importJWK, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { useService } from "./helpers.js";

const t = await useService();
const userId = await t.createUser("tokens@example.com");
const now = () => Math.floor(Date.now() / 1000);
const body = () => ({ client_id: t.clientId, user_id: userId, purpose: "temporary_authentication" });

async function generateWith(token: string | undefined, headers: Record<string, string> = {}) {
  const response = await t.post("/api/native/codes/short/generate", body(), {
    ...(token === undefined ? {} : { token }),
    headers,
  });
  return { status: response.status, body: (await response.json()) as { code: string } };
}

function unsigned(header: object, payload: object): string {
  const encode = (value: object) => base64url.encode(JSON.stringify(value));
  return `${encode(header)}.${encode(payload)}.`;
}

describe("service tokens", () => {
  it("a valid token works", async () => {
    expect((await generateWith(await t.token("codes.generate"))).status).toBe(200);
  });

  it("no header → 401 missing_token; a malformed header → 401 invalid_token", async () => {
    expect(await generateWith(undefined)).toEqual({
      status: 401,
      body: expect.objectContaining({ code: "missing_token" }),
    });
    const malformed = await t.post("/api/native/codes/short/generate", body(), {
      headers: { authorization: "Basic abc" },
    });
    expect(malformed.status).toBe(401);
    expect(await malformed.json()).toMatchObject({ code: "invalid_token" });
  });

  it.each([
    [
      "alg none",
      async () =>
        unsigned(
          { alg: "none" },
          { client_id: t.clientId, type: "codes.generate", nonce: crypto.randomUUID(), iat: now() },
        ),
    ],
    [
      "HS256 keyed with the client's public key",
      async () => {
        const { d: _d, ...publicJwk } = t.privateKey;
        return new SignJWT({ client_id: t.clientId, type: "codes.generate", nonce: crypto.randomUUID() })
          .setProtectedHeader({ alg: "HS256" })
          .setIssuedAt()
          .sign(new TextEncoder().encode(JSON.stringify(publicJwk)));
      },
    ],
    [
      "signed by another key",
      async () => {
        const other = await generateKeyPair("ES256");
        return new SignJWT({ client_id: t.clientId, type: "codes.generate", nonce: crypto.randomUUID() })
          .setProtectedHeader({ alg: "ES256" })
          .setIssuedAt()
          .sign(other.privateKey);
      },
    ],
    [
      "embedded jwk header pointing at the attacker's key",
      async () => {
        const other = await generateKeyPair("ES256", { extractable: true });
        return new SignJWT({ client_id: t.clientId, type: "codes.generate", nonce: crypto.randomUUID() })
          .setProtectedHeader({ alg: "ES256", jwk: await exportJWK(other.publicKey), kid: "../../etc/passwd" })
          .setIssuedAt()
          .sign(other.privateKey);
      },
    ],
    ["stale iat (6 minutes old)", () => t.token("codes.generate", { iat: now() - 360 })],
    ["future iat (2 minutes ahead)", () => t.token("codes.generate", { iat: now() + 120 })],
    ["expired exp", () => t.token("codes.generate", { exp: now() - 120 })],
    ["unknown client_id", () => t.token("codes.generate", { client_id: "00000000-0000-0000-0000-000000000000" })],
    ["short nonce", () => t.token("codes.generate", { nonce: "abc" })],
    [
      "missing iat",
      async () => {
        const key = await importJWK(t.privateKey, "ES256");
        return new SignJWT({ client_id: t.clientId, type: "codes.generate", nonce: crypto.randomUUID() })
          .setProtectedHeader({ alg: "ES256" })
          .sign(key);
      },
    ],
  ])("%s → 401 invalid_token", async (_, make) => {
    const { status, body: answer } = await generateWith(await make());
    expect(status).toBe(401);
    expect(answer).toMatchObject({ code: "invalid_token" });
  });

  it("a replayed nonce is refused", async () => {
    const token = await t.token("codes.generate");
    expect((await generateWith(token)).status).toBe(200);
    const replay = await generateWith(token);
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({ code: "invalid_token" });
  });

  it("the wrong scope → 403 forbidden", async () => {
    const { status, body: answer } = await generateWith(await t.token("codes.authorize"));
    expect(status).toBe(403);
    expect(answer).toMatchObject({ code: "forbidden" });
  });

  it("a token for user A cannot act on user B", async () => {
    const other = await t.createUser("other@example.com");
    const { status } = await generateWith(await t.token("codes.generate", { user_id: other }));
    expect(status).toBe(403);
  });

  it("a body naming another client → 403 forbidden", async () => {
    const response = await t.post(
      "/api/native/codes/short/generate",
      { ...body(), client_id: "someone-else" },
      { token: await t.token("codes.generate") },
    );
    expect(response.status).toBe(403);
  });

  it("a user JWT is never accepted as a service token", async () => {
    const { code } = (await generateWith(await t.token("codes.generate", {}))).body;
    const authorize = await t.post(
      "/api/native/codes/short/authorize",
      { ...body(), code },
      { token: await t.token("codes.authorize") },
    );
    expect(authorize.status).toBe(200);
    const session = await t.post("/api/native/authenticate/code/wait", {
      client_id: t.clientId,
      username: "tokens@example.com",
      authentication_code: { code, type: "short" },
    });
    const { jwt } = (await session.json()) as { jwt: string };
    expect((await generateWith(jwt)).status).toBe(401);
  });
});
