import { decodeProtectedHeader } from "jose";
import { describe, expect, it } from "vitest";
import { useService } from "./helpers.js";

let clock = Date.now();
const t = await useService({ now: () => clock });

async function signInOnce(): Promise<string> {
  const username = `rot-${crypto.randomUUID()}@example.com`;
  const userId = await t.createUser(username);
  const generated = await t.post(
    "/api/native/codes/short/generate",
    { client_id: t.clientId, user_id: userId, purpose: "temporary_authentication", authorize: true },
    { token: await t.token("codes.generate", { iat: Math.floor(clock / 1000) }) },
  );
  const { code } = (await generated.json()) as { code: string };
  const wait = await t.post(
    "/api/native/authenticate/code/wait",
    { client_id: t.clientId, username, authentication_code: { code, type: "short" } },
    { headers: { origin: t.origin } },
  );
  expect(wait.status).toBe(200);
  return ((await wait.json()) as { jwt: string }).jwt;
}

async function publishedKids(): Promise<string[]> {
  const jwks = (await (await fetch(`${t.service.url}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
  return jwks.keys.map((key) => key.kid);
}

describe("signing-key rotation publishes first, signs later", () => {
  it("the new key is in the JWKS at once and signs only after activateInMs", async () => {
    const before = decodeProtectedHeader(await signInOnce()).kid;
    const kid = await t.service.rotateSigningKey({ activateInMs: 60_000 });
    expect(await publishedKids()).toEqual(expect.arrayContaining([kid, before]));
    expect(decodeProtectedHeader(await signInOnce()).kid).toBe(before);
    clock += 61_000;
    expect(decodeProtectedHeader(await signInOnce()).kid).toBe(kid);
    expect(await publishedKids()).toContain(before);
  });

  it("activateInMs: 0 switches at once", async () => {
    const kid = await t.service.rotateSigningKey({ activateInMs: 0 });
    expect(decodeProtectedHeader(await signInOnce()).kid).toBe(kid);
  });
});
