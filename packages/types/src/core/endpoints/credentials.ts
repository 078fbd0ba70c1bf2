import type { EndpointSpec } from "./endpoint-spec.js";

/*
 * The credential endpoints (service token): list a user's passkeys and device keys, rename one,
 * revoke one, start adding a passkey without a code. The paths are `@loginid/node-sdk`'s, so its
 * `getCredentials`, `renameCredential`, `revokeCredential` and `initAddCredentialWithoutCode`
 * work unchanged.
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
/**
 * Starts adding a passkey to a user without a code, on the backend's word
 * (`POST /api/native/credentials/fido2/init/force`, `@loginid/node-sdk`'s
 * `initAddCredentialWithoutCode`); the browser completes it at `…/credentials/fido2/complete`.
 */
export const FIDO2_ADD_CREDENTIAL_FORCE_INIT_ENDPOINT = {
  method: "POST",
  path: "/api/native/credentials/fido2/init/force",
  scope: "credentials.force_add",
  auth: "service_token",
} as const satisfies EndpointSpec;
