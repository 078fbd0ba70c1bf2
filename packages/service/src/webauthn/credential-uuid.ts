import { createHash } from "node:crypto";

/**
 * A stable UUID for a WebAuthn credential, for the session's `credential.uuid`: credential ids
 * can be up to 1,023 bytes, too long for an id field, so the UUID is derived from the SHA-256 of
 * the credential id (RFC 9562 version 8, "custom").
 */
export function credentialUuid(credentialId: string): string {
  const bytes = createHash("sha256").update(credentialId).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
