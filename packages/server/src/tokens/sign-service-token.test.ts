import { isHandoffError, serviceTokenClaimsSchema } from "@handoff/types";
import { decodeProtectedHeader, exportJWK, exportPKCS8, generateKeyPair, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { importPrivateKey } from "./import-private-key.js";
import { signServiceToken } from "./sign-service-token.js";

describe("signServiceToken", async () => {
  const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });

  it("signs ES256 with scope, nonce, iat, exp and the user", async () => {
    const token = await signServiceToken(privateKey, { clientId: "c1", scope: "codes.generate", userId: "u1" });
    const { payload, protectedHeader } = await jwtVerify(token, publicKey, { algorithms: ["ES256"] });
    expect(protectedHeader.alg).toBe("ES256");
    const claims = serviceTokenClaimsSchema.parse(payload);
    expect(claims).toMatchObject({ client_id: "c1", type: "codes.generate", user_id: "u1" });
    expect((claims.exp ?? 0) - claims.iat).toBe(60);
  });

  it("uses a fresh nonce each call", async () => {
    const nonces = new Set<unknown>();
    for (let i = 0; i < 20; i++) {
      const token = await signServiceToken(privateKey, { clientId: "c1", scope: "users.retrieve" });
      nonces.add((await jwtVerify(token, publicKey)).payload.nonce);
    }
    expect(nonces.size).toBe(20);
  });

  it("spells the nonce as 16 random bytes in unpadded base64url", async () => {
    const token = await signServiceToken(privateKey, { clientId: "c1", scope: "users.retrieve" });
    expect((await jwtVerify(token, publicKey)).payload.nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("imports JWK, PEM and CryptoKey forms to keys that sign the same way", async () => {
    const jwk = await exportJWK(privateKey);
    const pem = await exportPKCS8(privateKey);
    for (const form of [jwk, pem, privateKey]) {
      const key = await importPrivateKey(form);
      const token = await signServiceToken(key, { clientId: "c", scope: "users.create" });
      expect(decodeProtectedHeader(token).alg).toBe("ES256");
      await expect(jwtVerify(token, publicKey)).resolves.toBeDefined();
    }
  });

  it("refuses public, RSA and malformed keys with invalid_argument", async () => {
    const rsa = await generateKeyPair("RS256", { extractable: true });
    for (const bad of [
      await exportJWK(publicKey),
      await exportJWK(rsa.privateKey),
      "not a pem",
      { kty: "oct", k: "AAAA" },
    ]) {
      const error = await importPrivateKey(bad).catch((e: unknown) => e);
      expect(isHandoffError(error) && error.code).toBe("invalid_argument");
    }
  });
});
