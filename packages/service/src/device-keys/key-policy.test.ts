import { generateKeyPairSync } from "node:crypto";
import { isHandoffError } from "@handoff/types";
import { describe, expect, it } from "vitest";
import { acceptDeviceKey, canonicalAlgorithm } from "./key-policy.js";

function errorCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return isHandoffError(error) ? error.code : "not a HandoffError";
  }
  return undefined;
}

describe("canonicalAlgorithm", () => {
  it.each([
    ["ES256", "ES256"],
    ["es256", "ES256"],
    ["EdDSA", "EdDSA"],
    ["Ed25519", "EdDSA"],
    ["rs256", "RS256"],
    ["PS-256", "PS256"],
  ])("%s → %s", (input, expected) => {
    expect(canonicalAlgorithm(input)).toBe(expected);
  });

  it.each(["SHA1", "SHA-1", "sha_1", "RS1", "SHA1withRSA", "ecdsa-with-SHA1", "MD5", "HS256", "none", "ES384"])(
    "refuses %s with weak_key",
    (input) => {
      expect(errorCode(() => canonicalAlgorithm(input))).toBe("weak_key");
    },
  );
});

describe("acceptDeviceKey", () => {
  const spki = (pair: ReturnType<typeof generateKeyPairSync>) =>
    pair.publicKey.export({ format: "der", type: "spki" }).toString("base64url");

  it("returns the canonical SPKI, family, size and algorithm", () => {
    const pair = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const accepted = acceptDeviceKey({
      key_data: spki(pair),
      key_type: "ec",
      key_length: 256,
      signature_algorithm: "es256",
    });
    expect(accepted).toMatchObject({ spki: spki(pair), keyType: "ec", keyLength: 256, algorithm: "ES256" });
  });

  it("refuses an RSA key with public exponent 3", () => {
    const pair = generateKeyPairSync("rsa", { modulusLength: 2048, publicExponent: 3 });
    const declared = { key_data: spki(pair), key_type: "rsa", key_length: 2048, signature_algorithm: "RS256" } as const;
    expect(errorCode(() => acceptDeviceKey(declared))).toBe("weak_key");
  });

  it("refuses a secp256k1 key declared as P-256", () => {
    const pair = generateKeyPairSync("ec", { namedCurve: "secp256k1" });
    const declared = { key_data: spki(pair), key_type: "ec", key_length: 256, signature_algorithm: "ES256" } as const;
    expect(errorCode(() => acceptDeviceKey(declared))).toBe("weak_key");
  });

  it("answers invalid_request when key_data is no SPKI key", () => {
    const declared = { key_data: "AAAA", key_type: "ec", key_length: 256, signature_algorithm: "ES256" } as const;
    expect(errorCode(() => acceptDeviceKey(declared))).toBe("invalid_request");
  });
});
