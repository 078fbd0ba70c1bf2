import { isHandoffError } from "@handoff/types";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { createServerClient } from "../src/index.js";

const BASE = "https://handoff.test";
const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: "k1", alg: "ES256", use: "sig" }] };
const client = createServerClient({
  baseUrl: BASE,
  clientId: "client-1",
  privateKey: await exportJWK(privateKey),
  fetch: async () => Response.json(jwks),
});
const jwt = await new SignJWT({ udata: "alice@example.com", jti: "j" })
  .setProtectedHeader({ alg: "ES256", kid: "k1" })
  .setIssuer(BASE)
  .setAudience("client-1")
  .setSubject("u1")
  .setIssuedAt()
  .setExpirationTime("5m")
  .sign(privateKey);
const [header, payload, signature] = jwt.split(".") as [string, string, string];

/** The last character of a base64url segment with its unused low bits set: same bytes, another string. */
function nonCanonical(segment: string): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const unusedBits = (segment.length * 6) % 8;
  const last = alphabet.indexOf(segment.at(-1) as string);
  return `${segment.slice(0, -1)}${alphabet[last | ((1 << unusedBits) - 1)]}`;
}

async function refusal(token: string) {
  const error = await client.verifyToken(token).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isHandoffError(error), token).toBe(true);
  return isHandoffError(error) ? error.code : undefined;
}

describe("verifyToken and base64url edge cases (RFC 7515 §2: base64url without padding)", () => {
  it("accepts the token as issued", async () => {
    expect((await client.verifyToken(jwt)).userId).toBe("u1");
  });

  it.each([
    ["padding after the signature", `${jwt}=`],
    ["padding after the payload", `${header}.${payload}==.${signature}`],
    ["the standard base64 alphabet", `${header}.${payload}.${signature.replaceAll("-", "+").replaceAll("_", "/")}+`],
    ["a space inside", `${header}.${payload} .${signature}`],
    ["a line break", `${header}.\n${payload}.${signature}`],
    ["a fourth segment", `${jwt}.e30`],
    ["an empty signature", `${header}.${payload}.`],
    ["a truncated signature", jwt.slice(0, -2)],
    [
      "a signature with its low bits changed (same bytes, another string)",
      `${header}.${payload}.${nonCanonical(signature)}`,
    ],
    ["a payload with its low bits changed", `${header}.${nonCanonical(payload)}.${signature}`],
  ])("refuses %s", async (_, token) => {
    if (token === jwt) return; // the segment had no unused bits to change
    expect(await refusal(token)).toBe("invalid_jwt");
  });
});
