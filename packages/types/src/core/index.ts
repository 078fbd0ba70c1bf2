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
  MAX_CREDENTIAL_ID_LENGTH,
  MAX_CREDENTIAL_NAME_LENGTH,
  MAX_ID_LENGTH,
  MAX_TIMEOUT_MS,
  MAX_USERNAME_LENGTH,
  optionalSignal,
  optionalTimeoutMs,
  requireCode,
  requireCodePurpose,
  requireCodeType,
  requireCredentialId,
  requireCredentialName,
  requireUserCode,
  requireUserId,
  requireUsername,
} from "./arguments.js";
export type { AuthorizedCode, GeneratedCode, InvalidatedCodes } from "./code-results.js";
export { toAuthorizedCode, toGeneratedCode, toInvalidatedCodes } from "./code-results.js";
export type { CodePurpose, CodeType } from "./codes.js";
export { CODE_PURPOSES, CODE_TYPES, isCodePurpose, isCodeType, normalizeCode } from "./codes.js";
export type { Credential } from "./credential.js";
export { fromCredentialResponse, toCredential } from "./credential.js";
export type { DeletedUser } from "./deleted-user.js";
export { toDeletedUser } from "./deleted-user.js";
export type { DeviceAuthorization, DeviceAuthorizationStatus } from "./device-authorization.js";
export { toDeviceAuthorization } from "./device-authorization.js";
export * from "./endpoints/index.js";
export * from "./errors.js";
export type { CodeRequester, PendingCode } from "./pending-code.js";
export { toPendingCode } from "./pending-code.js";
export type { RegisteredDeviceKey } from "./registered-device-key.js";
export { toRegisteredDeviceKey } from "./registered-device-key.js";
export type { Scope } from "./scopes.js";
export { SCOPES } from "./scopes.js";
export type { Session, SessionCredentialType } from "./session.js";
export { SESSION_CREDENTIAL_TYPES, signedInWithOwnKey, toSession } from "./session.js";
export { fitsCodePoints, isName } from "./text.js";
export { formatUserCode, normalizeUserCode, USER_CODE_ALPHABET, USER_CODE_LENGTH } from "./user-code.js";
export type { UserProfile } from "./user-profile.js";
export { toUserProfile } from "./user-profile.js";
export type { UserTokenClaims } from "./user-token-claims.js";
export { JWT_ALGORITHM, toUserTokenClaims } from "./user-token-claims.js";
