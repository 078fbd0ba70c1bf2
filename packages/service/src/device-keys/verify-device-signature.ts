import { constants, createPublicKey, verify } from "node:crypto";
import type { DeviceKeyAlgorithm } from "./key-policy.js";

/**
 * Verifies a device key's signature over `data`. ES256 takes IEEE P1363 `r‖s` (64 bytes, what
 * WebCrypto and JWS produce) or DER (what Android and Apple keystores produce); RS256 is
 * PKCS#1 v1.5 with SHA-256; PS256 is PSS with SHA-256, MGF1 and a 32-byte salt (as JWS).
 * Returns `false`, never throws, for a malformed signature.
 */
export function verifyDeviceSignature(
  algorithm: DeviceKeyAlgorithm,
  spki: string,
  data: Uint8Array,
  signature: Uint8Array,
): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(spki, "base64url"), format: "der", type: "spki" });
    switch (algorithm) {
      case "ES256":
        return verify("sha256", data, { key, dsaEncoding: signature.length === 64 ? "ieee-p1363" : "der" }, signature);
      case "EdDSA":
        return verify(null, data, key, signature);
      case "RS256":
        return verify("sha256", data, { key, padding: constants.RSA_PKCS1_PADDING }, signature);
      case "PS256":
        return verify("sha256", data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, signature);
    }
  } catch {
    return false;
  }
}
