import { HandoffError } from "@handoff/types/core";
import type { JWK } from "jose";
import { loadJose } from "../internal/lazy.js";

/**
 * A client's ES256 private key: a JWK object, a PKCS#8 PEM string, or a WebCrypto `CryptoKey`.
 *
 * @example
 * const pem: PrivateKeyInput = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMG…\n-----END PRIVATE KEY-----";
 * const jwk: PrivateKeyInput = { kty: "EC", crv: "P-256", x: "…", y: "…", d: "…" };
 */
export type PrivateKeyInput = JWK | string | CryptoKey;

/**
 * Imports a client's ES256 private key once, whatever form it comes in.
 *
 * @throws {HandoffError} `invalid_argument` when the key is not an ES256 (P-256) private key.
 *
 * @example
 * const key = await importPrivateKey(process.env.HANDOFF_PRIVATE_KEY_PEM);
 * const token = await signServiceToken(key, { clientId, scope: "users.retrieve", username });
 */
export async function importPrivateKey(key: PrivateKeyInput): Promise<CryptoKey> {
  const { importJWK, importPKCS8 } = await loadJose();
  try {
    if (typeof key === "string") return await importPKCS8(key.trim(), "ES256");
    if (isCryptoKey(key)) {
      if (key.type !== "private" || key.algorithm.name !== "ECDSA") throw new Error("not an ECDSA private key");
      return key;
    }
    if (key.kty !== "EC" || key.crv !== "P-256" || typeof key.d !== "string")
      throw new Error("not a P-256 private JWK");
    const imported = await importJWK(key, "ES256");
    if (imported instanceof Uint8Array) throw new Error("symmetric key");
    return imported;
  } catch (cause) {
    throw new HandoffError(
      "invalid_argument",
      "privateKey must be an ES256 (P-256) private key: JWK, PKCS#8 PEM or CryptoKey.",
      {
        cause,
      },
    );
  }
}

function isCryptoKey(value: unknown): value is CryptoKey {
  return typeof CryptoKey !== "undefined" && value instanceof CryptoKey;
}
