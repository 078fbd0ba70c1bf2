import type { EndpointSpec } from "./endpoint-spec.js";

/*
 * The credential endpoints (service token): list a user's passkeys and device keys, rename one,
 * revoke one. The paths are `@loginid/node-sdk`'s, so its `getCredentials`, `renameCredential`
 * and `revokeCredential` work unchanged.
 */

/** Lists a user's passkeys and device keys (`GET /api/native/credentials?user_id=`). */
export const LIST_CREDENTIALS_ENDPOINT = {
  method: "GET",
  path: "/api/native/credentials",
  scope: "credentials.list",
  auth: "service_token",
} as const satisfies EndpointSpec;
/** Renames a passkey or device key (`POST /api/native/credentials/rename`). */
export const RENAME_CREDENTIAL_ENDPOINT = {
  method: "POST",
  path: "/api/native/credentials/rename",
  scope: "credentials.rename",
  auth: "service_token",
} as const satisfies EndpointSpec;
/** Revokes (deletes) a passkey or device key (`POST /api/native/credentials/revoke`). */
export const REVOKE_CREDENTIAL_ENDPOINT = {
  method: "POST",
  path: "/api/native/credentials/revoke",
  scope: "credentials.revoke",
  auth: "service_token",
} as const satisfies EndpointSpec;
