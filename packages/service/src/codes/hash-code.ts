import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from "node:crypto";
import { normalizeCode } from "@handoff/types";
import type { CodeRecord } from "../storage/records.js";

/** What a code's hash binds it to. */
export type CodeBinding = Pick<CodeRecord, "clientId" | "userId" | "type" | "purpose">;

/** The HMAC key of the last secret seen (a service has one): decoding and importing it costs more than the hash. */
let hmacKey: { secret: string; key: KeyObject } | undefined;

function keyOf(secret: string): KeyObject {
  if (hmacKey?.secret !== secret) hmacKey = { secret, key: createSecretKey(Buffer.from(secret, "base64url")) };
  return hmacKey.key;
}

/**
 * HMAC-SHA-256 of a normalised code, bound to its client, user, type and purpose, so a code of
 * one user, client or purpose never matches another's. Only this hash is stored.
 */
export function hashCode(secret: string, binding: CodeBinding, code: string): string {
  return createHmac("sha256", keyOf(secret))
    .update([binding.clientId, binding.userId, binding.type, binding.purpose, normalizeCode(code)].join("\u0000"))
    .digest("base64url");
}

/** Compares two hashes in constant time. */
export function hashesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "base64url");
  const right = Buffer.from(b, "base64url");
  return left.length === right.length && timingSafeEqual(left, right);
}
