import { createHmac } from "node:crypto";
import { USER_CODE_ALPHABET, USER_CODE_LENGTH } from "@handoff/types";
import { randomInt } from "../codes/random-int.js";

/** Random bytes in a device code: 256 bits, never guessed, sent only to the device. */
const DEVICE_CODE_BYTES = 32;

/** A new device code: 32 bytes from the CSPRNG, base64url (43 characters). */
export function generateDeviceCode(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(DEVICE_CODE_BYTES))).toString("base64url");
}

/**
 * A new user code: eight characters of the RFC 8628 §6.1 base-20 alphabet from the CSPRNG by
 * rejection sampling, every code equally likely (34.6 bits), in canonical form (`BDWPHQPK`).
 */
export function generateUserCode(): string {
  let code = "";
  for (let i = 0; i < USER_CODE_LENGTH; i++) code += USER_CODE_ALPHABET[randomInt(USER_CODE_ALPHABET.length)];
  return code;
}

function hmac(secret: string, parts: readonly string[]): string {
  return createHmac("sha256", Buffer.from(secret, "base64url")).update(parts.join("\u0000")).digest("base64url");
}

/** The keyed hash a device code is stored and found by (the code HMAC secret, its own domain). */
export function hashDeviceCode(secret: string, deviceCode: string): string {
  return hmac(secret, ["device_code", deviceCode]);
}

/**
 * The keyed hash a user code is stored and found by, bound to its client: a user code typed on
 * another client's page never matches. `userCode` is canonical (`normalizeUserCode`).
 */
export function hashUserCode(secret: string, clientId: string, userCode: string): string {
  return hmac(secret, ["user_code", clientId, userCode]);
}
