import { createPublicKey, type KeyObject } from "node:crypto";
import type { DeviceKeyType } from "@handoff/types";
import { fail } from "../http/fail.js";

/** The signature algorithms a device key may use, each tied to one key family. */
export const DEVICE_KEY_ALGORITHMS = {
  ES256: "ec",
  EdDSA: "ed25519",
  RS256: "rsa",
  PS256: "rsa",
} as const satisfies Record<string, DeviceKeyType>;

/** One of {@link DEVICE_KEY_ALGORITHMS}. */
export type DeviceKeyAlgorithm = keyof typeof DEVICE_KEY_ALGORITHMS;

/** Smallest RSA modulus accepted, in bits (NIST SP 800-131A; SP 800-57 112-bit strength). */
export const MIN_RSA_BITS = 2048;

/** What a device declares about its key (the `/pwless/devices` fields). */
export interface DeclaredDeviceKey {
  key_data: string;
  key_type: DeviceKeyType;
  key_length: number;
  signature_algorithm: string;
}

/** A key that passed the policy. */
export interface AcceptedDeviceKey {
  /** The parsed public key. */
  publicKey: KeyObject;
  /** SPKI DER, base64url, as stored. */
  spki: string;
  keyType: DeviceKeyType;
  keyLength: number;
  algorithm: DeviceKeyAlgorithm;
}

const ALIASES: Record<string, DeviceKeyAlgorithm> = {
  ES256: "ES256",
  EDDSA: "EdDSA",
  ED25519: "EdDSA",
  RS256: "RS256",
  PS256: "PS256",
};

const ALLOWED = "use ES256 (EC P-256), EdDSA (Ed25519), RS256 or PS256 (RSA of at least 2048 bits)";

/** The canonical algorithm name, or `weak_key` for SHA-1, MD5 and anything not allowed. */
export function canonicalAlgorithm(declared: string): DeviceKeyAlgorithm {
  const squashed = declared.toUpperCase().replace(/[\s_-]+/g, "");
  if (/SHA1|MD5|^RS1$|^ES1$|^PS1$/.test(squashed)) {
    throw fail(
      "weak_key",
      `signature_algorithm ${JSON.stringify(declared.slice(0, 32))} is refused: SHA-1 and MD5 are broken; ${ALLOWED}.`,
    );
  }
  const algorithm = ALIASES[squashed];
  if (!algorithm) throw fail("weak_key", `signature_algorithm is not supported; ${ALLOWED}.`);
  return algorithm;
}

function parseSpki(keyData: string): KeyObject {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(keyData)) {
    throw fail("invalid_request", "key_data must be the base64 or base64url of the public key's SPKI DER.");
  }
  try {
    return createPublicKey({ key: Buffer.from(keyData, "base64"), format: "der", type: "spki" });
  } catch {
    throw fail("invalid_request", "key_data must be the base64 or base64url of the public key's SPKI DER.");
  }
}

/** Bits of the key, checked against its family's rules. */
function actualLength(key: KeyObject, declared: DeclaredDeviceKey, algorithm: DeviceKeyAlgorithm): number {
  const details = key.asymmetricKeyDetails ?? {};
  switch (declared.key_type) {
    case "ec":
      if (key.asymmetricKeyType !== "ec") throw fail("weak_key", `key_data is not an EC key (key_type "ec").`);
      if (details.namedCurve !== "prime256v1") throw fail("weak_key", "Only the EC curve P-256 is accepted.");
      return 256;
    case "ed25519":
      if (key.asymmetricKeyType !== "ed25519") throw fail("weak_key", `key_data is not an Ed25519 key.`);
      return 256;
    case "rsa": {
      const pss = key.asymmetricKeyType === "rsa-pss";
      if (key.asymmetricKeyType !== "rsa" && !(pss && algorithm === "PS256")) {
        throw fail("weak_key", `key_data is not an RSA key usable with ${algorithm}.`);
      }
      const bits = details.modulusLength ?? 0;
      if (bits < MIN_RSA_BITS)
        throw fail("weak_key", `RSA keys must have at least ${MIN_RSA_BITS} bits; this one has ${bits}.`);
      const exponent = details.publicExponent ?? 0n;
      if (exponent < 65537n || exponent % 2n === 0n)
        throw fail("weak_key", "The RSA public exponent must be odd and at least 65537.");
      return bits;
    }
  }
}

/**
 * Applies the device-key policy to a `/pwless/devices` body: the algorithm must be allowed and
 * match `key_type`; `key_data` must parse as an SPKI public key of that family; EC keys must be
 * P-256, RSA keys at least 2048 bits; and `key_length` must be the key's real size.
 *
 * @throws `weak_key` for SHA-1/MD5, unknown algorithms, RSA under 2048 bits, other curves and
 * any mismatch; `invalid_request` when `key_data` is not a public key at all.
 */
export function acceptDeviceKey(declared: DeclaredDeviceKey): AcceptedDeviceKey {
  const algorithm = canonicalAlgorithm(declared.signature_algorithm);
  const family = DEVICE_KEY_ALGORITHMS[algorithm];
  if (family !== declared.key_type) {
    throw fail("weak_key", `signature_algorithm ${algorithm} needs key_type "${family}", not "${declared.key_type}".`);
  }
  if (declared.key_type === "rsa" && declared.key_length < MIN_RSA_BITS) {
    throw fail("weak_key", `RSA keys must have at least ${MIN_RSA_BITS} bits; key_length is ${declared.key_length}.`);
  }
  const publicKey = parseSpki(declared.key_data);
  const bits = actualLength(publicKey, declared, algorithm);
  if (bits !== declared.key_length) {
    throw fail("weak_key", `key_length is ${declared.key_length} but key_data holds a ${bits}-bit key.`);
  }
  const spki = publicKey.export({ format: "der", type: "spki" }).toString("base64url");
  return { publicKey, spki, keyType: declared.key_type, keyLength: bits, algorithm };
}
