import type { CodePurpose, CodeType } from "@handoff/types";
import type { JWK } from "jose";
import type {
  ChallengeRecord,
  ClientRecord,
  CodeRecord,
  DeviceAuthorizationRecord,
  DeviceGrantSettings,
  DeviceKeyRecord,
  RevokedCredential,
  SigningKeyRecord,
  UserRecord,
  WebAuthnCredentialRecord,
} from "./records.js";

/** A row as the database driver returns it (node:sqlite or pg); numbers may come as strings (BIGINT). */
export type Row = Record<string, unknown>;

const text = (row: Row, column: string): string => String(row[column]);
const date = (row: Row, column: string): Date => new Date(Number(row[column]));
const dateOrNull = (row: Row, column: string): Date | null => (row[column] == null ? null : date(row, column));
const json = <T>(row: Row, column: string): T => JSON.parse(text(row, column)) as T;

/** Reads a `ClientRecord` from its row. */
export const toClient = (row: Row): ClientRecord => ({
  id: text(row, "id"),
  name: text(row, "name"),
  namespaceId: text(row, "namespace_id"),
  publicKeyJwk: json<JWK>(row, "public_key_jwk"),
  origins: json<string[]>(row, "origins"),
  createdAt: date(row, "created_at"),
});

/** Reads a client's `DeviceGrantSettings` from its `client_device_grants` row. */
export const toDeviceGrantSettings = (row: Row): DeviceGrantSettings => ({
  verificationUri: text(row, "verification_uri"),
  tokenEndpointAuthMethod: row.token_endpoint_auth_method === "none" ? "none" : "private_key_jwt",
});

/** Reads a `DeviceAuthorizationRecord` from its row. */
export const toDeviceAuthorization = (row: Row): DeviceAuthorizationRecord => ({
  id: text(row, "id"),
  clientId: text(row, "client_id"),
  deviceCodeHash: text(row, "device_code_hash"),
  userCodeHash: text(row, "user_code_hash"),
  scope: text(row, "scope"),
  createdAt: date(row, "created_at"),
  expiresAt: date(row, "expires_at"),
  intervalSeconds: Number(row.interval_seconds),
  lastPolledAt: dateOrNull(row, "last_polled_at"),
  slowedDown: Number(row.slowed_down) === 1,
  userId: row.user_id == null ? null : text(row, "user_id"),
  approvedAt: dateOrNull(row, "approved_at"),
  deniedAt: dateOrNull(row, "denied_at"),
  consumedAt: dateOrNull(row, "consumed_at"),
  requestInfo: json(row, "request_info"),
});

/** Reads a `UserRecord` from its row. */
export const toUser = (row: Row): UserRecord => ({
  id: text(row, "id"),
  namespaceId: text(row, "namespace_id"),
  username: text(row, "username"),
  createdAt: date(row, "created_at"),
  verifiedAt: dateOrNull(row, "verified_at"),
  // Absent while active, as a new user is written.
  ...(row.deactivated_at == null ? {} : { deactivatedAt: date(row, "deactivated_at") }),
});

/** Reads a `CodeRecord` from its row. */
export const toCode = (row: Row): CodeRecord => ({
  id: text(row, "id"),
  clientId: text(row, "client_id"),
  userId: text(row, "user_id"),
  type: text(row, "type") as CodeType,
  purpose: text(row, "purpose") as CodePurpose,
  hash: text(row, "hash"),
  createdAt: date(row, "created_at"),
  expiresAt: date(row, "expires_at"),
  authorizedAt: dateOrNull(row, "authorized_at"),
  consumedAt: dateOrNull(row, "consumed_at"),
  requestInfo: row.request_info == null ? null : json(row, "request_info"),
  guesses: Number(row.guesses ?? 0),
  provesEmail: Number(row.proves_email ?? 0) === 1,
});

/** Reads a `SigningKeyRecord` from its row. */
export const toSigningKey = (row: Row): SigningKeyRecord => ({
  kid: text(row, "kid"),
  privateJwk: json<JWK>(row, "private_jwk"),
  publicJwk: json<JWK>(row, "public_jwk"),
  createdAt: date(row, "created_at"),
  retiredAt: dateOrNull(row, "retired_at"),
});

/** Reads a `ChallengeRecord` from its row. */
export const toChallenge = (row: Row): ChallengeRecord => ({
  challenge: text(row, "challenge"),
  kind: text(row, "kind"),
  clientId: text(row, "client_id"),
  userId: row.user_id == null ? null : text(row, "user_id"),
  data: json<Record<string, unknown>>(row, "data"),
  expiresAt: date(row, "expires_at"),
});

/** Reads a `WebAuthnCredentialRecord` from its row. */
export const toWebAuthnCredential = (row: Row): WebAuthnCredentialRecord => ({
  id: text(row, "id"),
  userId: text(row, "user_id"),
  publicKey: text(row, "public_key"),
  counter: Number(row.counter),
  transports: json<string[]>(row, "transports"),
  name: text(row, "name"),
  createdAt: date(row, "created_at"),
  lastUsedAt: dateOrNull(row, "last_used_at"),
  aaguid: row.aaguid == null ? null : text(row, "aaguid"),
});

/** Reads a `DeviceKeyRecord` from its row. */
export const toDeviceKey = (row: Row): DeviceKeyRecord => ({
  id: text(row, "id"),
  userId: text(row, "user_id"),
  keyData: text(row, "key_data"),
  keyType: text(row, "key_type"),
  keyLength: Number(row.key_length),
  signatureAlgorithm: text(row, "signature_algorithm"),
  deviceInfo: text(row, "device_info"),
  name: row.name == null ? null : text(row, "name"),
  createdAt: date(row, "created_at"),
  lastUsedAt: dateOrNull(row, "last_used_at"),
});

/** Reads a `RevokedCredential` from a deleted row with `id`, `name` and `created_at`. */
export const toRevokedCredential = (kind: RevokedCredential["kind"], row: Row): RevokedCredential => ({
  kind,
  id: text(row, "id"),
  name: text(row, "name"),
  createdAt: date(row, "created_at"),
});
