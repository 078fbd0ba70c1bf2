/**
 * The Handoff REST contract: the zod schemas of every body, and the zod-free core (also on its
 * own as `@handoff/types/core`).
 *
 * @packageDocumentation
 * @module @handoff/types
 */

export { codePurposeSchema, codeTypeSchema } from "./codes.js";
export type {
  AuthorizeCodeRequest,
  AuthorizeCodeResponse,
  GenerateCodeRequest,
  GenerateCodeResponse,
  InvalidateCodesRequest,
  InvalidateCodesResponse,
} from "./codes-api.js";
export {
  authorizeCodeRequestSchema,
  authorizeCodeResponseSchema,
  generateCodeRequestSchema,
  generateCodeResponseSchema,
  invalidateCodesRequestSchema,
  invalidateCodesResponseSchema,
} from "./codes-api.js";
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
} from "./core/arguments.js";
export type { AuthorizedCode, GeneratedCode, InvalidatedCodes } from "./core/code-results.js";
export { toAuthorizedCode, toGeneratedCode, toInvalidatedCodes } from "./core/code-results.js";
export type { CodePurpose, CodeType } from "./core/codes.js";
export { CODE_PURPOSES, CODE_TYPES, isCodePurpose, isCodeType, normalizeCode } from "./core/codes.js";
export type { EndpointAuth, EndpointName, EndpointSpec } from "./core/endpoints/index.js";
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
  LIST_PENDING_CODES_ENDPOINT,
  PWLESS_DEVICES_ENDPOINT,
  PWLESS_LOGIN_COMPLETE_ENDPOINT,
  PWLESS_LOGIN_INIT_ENDPOINT,
  PWLESS_SIGNUP_ENDPOINT,
  RETRIEVE_USER_ENDPOINT,
  WAIT_CODE_ENDPOINT,
} from "./core/endpoints/index.js";
export type { ClientErrorCode, HandoffErrorCode, ServiceErrorCode } from "./core/error-codes.js";
export {
  CLIENT_ERROR_CODES,
  isClientErrorCode,
  isHandoffErrorCode,
  isServiceErrorCode,
  SERVICE_ERROR_CODES,
} from "./core/error-codes.js";
export type { HandoffErrorDetailFields, HandoffErrorDetails, HandoffErrorDetailsByCode } from "./core/error-details.js";
export { errorFromResponse } from "./core/error-from-response.js";
export { defaultErrorMessage, SERVICE_ERROR_MESSAGES } from "./core/error-messages.js";
export type { HandoffErrorOptions } from "./core/handoff-error.js";
export { HandoffError, isHandoffError } from "./core/handoff-error.js";
export type { CodeRequester, PendingCode } from "./core/pending-code.js";
export { toPendingCode } from "./core/pending-code.js";
export type { RegisteredDeviceKey } from "./core/registered-device-key.js";
export { toRegisteredDeviceKey } from "./core/registered-device-key.js";
export { parseRetryAfter } from "./core/retry-after.js";
export type { Scope } from "./core/scopes.js";
export { SCOPES } from "./core/scopes.js";
export type { Session } from "./core/session.js";
export { toSession } from "./core/session.js";
export { fitsCodePoints, isName } from "./core/text.js";
export type { UserProfile } from "./core/user-profile.js";
export { toUserProfile } from "./core/user-profile.js";
export type { UserTokenClaims } from "./core/user-token-claims.js";
export { toUserTokenClaims } from "./core/user-token-claims.js";
export type {
  DeviceLoginCompleteRequest,
  DeviceLoginInitRequest,
  DeviceLoginInitResponse,
} from "./device-login.js";
export {
  deviceLoginCompleteRequestSchema,
  deviceLoginInitRequestSchema,
  deviceLoginInitResponseSchema,
} from "./device-login.js";
export type { ErrorBody } from "./error-body.js";
export { errorBodySchema } from "./error-body.js";
export type {
  CodeRequesterWire,
  ListPendingCodesRequest,
  ListPendingCodesResponse,
  PendingCodeWire,
} from "./pending-codes.js";
export {
  codeRequesterSchema,
  listPendingCodesRequestSchema,
  listPendingCodesResponseSchema,
  pendingCodeSchema,
} from "./pending-codes.js";
export { codeValueSchema, idSchema, timestampSchema, usernameSchema } from "./primitives.js";
export type {
  DeviceKeyType,
  PwlessDevicesRequest,
  PwlessDevicesResponse,
  PwlessSignupRequest,
  PwlessSignupResponse,
} from "./pwless.js";
export {
  DEVICE_KEY_TYPES,
  emailSchema,
  pwlessDevicesRequestSchema,
  pwlessDevicesResponseSchema,
  pwlessSignupRequestSchema,
  pwlessSignupResponseSchema,
} from "./pwless.js";
export { scopeSchema } from "./scopes.js";
export type { ServiceTokenClaims, UserTokenClaimsWire } from "./tokens.js";
export {
  JWT_ALGORITHM,
  SERVICE_TOKEN_MAX_AGE_SECONDS,
  serviceTokenClaimsSchema,
  userTokenClaimsSchema,
} from "./tokens.js";
export type { UserProfileWire, UserRequest } from "./users.js";
export { userProfileSchema, userRequestSchema } from "./users.js";
export type { AuthenticationResponse, WaitCodeRequest } from "./wait.js";
export { authenticationResponseSchema, waitCodeRequestSchema } from "./wait.js";
export type {
  AddCredentialInitRequest,
  AuthenticateCompleteRequest,
  AuthenticateInitRequest,
  AuthenticationCredentialJSON,
  AuthenticationOptionsResponse,
  CreationOptionsJSON,
  RegisterInitRequest,
  RegistrationCompleteRequest,
  RegistrationCredentialJSON,
  RegistrationOptionsResponse,
  RequestOptionsJSON,
} from "./webauthn.js";
export {
  addCredentialInitRequestSchema,
  authenticateCompleteRequestSchema,
  authenticateInitRequestSchema,
  authenticationCredentialSchema,
  authenticationOptionsResponseSchema,
  challengeSchema,
  creationOptionsSchema,
  credentialIdSchema,
  credentialNameSchema,
  registerInitRequestSchema,
  registrationCompleteRequestSchema,
  registrationCredentialSchema,
  registrationOptionsResponseSchema,
  requestOptionsSchema,
} from "./webauthn.js";
