/**
 * The zod-free core of the Handoff contract: endpoints, scopes, code types and their
 * normalisation, argument rules, the error codes with their default messages, `HandoffError`,
 * the one mapping of error answers to it, and the wire → camelCase converters. The browser and
 * server SDKs import it without bundling zod; everything here is also exported by
 * `@handoff/types`.
 *
 * @packageDocumentation
 * @module @handoff/types/core
 */
export {
  isAbortSignal,
  isTimeoutMs,
  MAX_CODE_LENGTH,
  MAX_CREDENTIAL_NAME_LENGTH,
  MAX_ID_LENGTH,
  MAX_TIMEOUT_MS,
  MAX_USERNAME_LENGTH,
  optionalSignal,
  optionalTimeoutMs,
  requireCode,
  requireCodePurpose,
  requireCodeType,
  requireCredentialName,
  requireUserId,
  requireUsername,
} from "./arguments.js";
export type { AuthorizedCode, GeneratedCode, InvalidatedCodes } from "./code-results.js";
export { toAuthorizedCode, toGeneratedCode, toInvalidatedCodes } from "./code-results.js";
export type { CodePurpose, CodeType } from "./codes.js";
export { CODE_PURPOSES, CODE_TYPES, isCodePurpose, isCodeType, normalizeCode } from "./codes.js";
export * from "./endpoints/index.js";
export {
  AUTHORIZE_CODE_ENDPOINT,
  CERTS_ENDPOINT,
  CREATE_USER_ENDPOINT,
  ENDPOINTS,
  endpointPath,
  FIDO2_ADD_CREDENTIAL_COMPLETE_ENDPOINT,
  FIDO2_ADD_CREDENTIAL_INIT_ENDPOINT,
  FIDO2_AUTHENTICATE_COMPLETE_ENDPOINT,
  FIDO2_AUTHENTICATE_INIT_ENDPOINT,
  FIDO2_REGISTER_COMPLETE_ENDPOINT,
  FIDO2_REGISTER_INIT_ENDPOINT,
  GENERATE_CODE_ENDPOINT,
  INVALIDATE_ALL_CODES_ENDPOINT,
  JWKS_ENDPOINT,
  LIST_CREDENTIALS_ENDPOINT,
  LIST_PENDING_CODES_ENDPOINT,
  PWLESS_DEVICES_ENDPOINT,
  PWLESS_LOGIN_COMPLETE_ENDPOINT,
  PWLESS_LOGIN_INIT_ENDPOINT,
  PWLESS_SIGNUP_ENDPOINT,
  RENAME_CREDENTIAL_ENDPOINT,
  RETRIEVE_USER_ENDPOINT,
  REVOKE_CREDENTIAL_ENDPOINT,
  WAIT_CODE_ENDPOINT,
} from "./endpoints/index.js";
export * from "./errors.js";
export type { CodeRequester, PendingCode } from "./pending-code.js";
export { toPendingCode } from "./pending-code.js";
export type { RegisteredDeviceKey } from "./registered-device-key.js";
export { toRegisteredDeviceKey } from "./registered-device-key.js";
export type { Scope } from "./scopes.js";
export { SCOPES } from "./scopes.js";
export type { Session } from "./session.js";
export { toSession } from "./session.js";
export { fitsCodePoints, isName } from "./text.js";
export type { UserProfile } from "./user-profile.js";
export { toUserProfile } from "./user-profile.js";
export type { UserTokenClaims } from "./user-token-claims.js";
export { toUserTokenClaims } from "./user-token-claims.js";
