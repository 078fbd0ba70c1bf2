/**
 * @packageDocumentation
 * @module @handoff/types
 */
export type { CodePurpose, CodeType } from "./codes.js";
export {
  CODE_PURPOSES,
  CODE_TYPES,
  codePurposeSchema,
  codeTypeSchema,
  isCodePurpose,
  isCodeType,
  normalizeCode,
} from "./codes.js";
export type {
  AuthorizeCodeRequest,
  AuthorizeCodeResponse,
  AuthorizedCode,
  GenerateCodeRequest,
  GenerateCodeResponse,
  GeneratedCode,
  InvalidateCodesRequest,
  InvalidateCodesResponse,
  InvalidatedCodes,
} from "./codes-api.js";
export {
  authorizeCodeRequestSchema,
  authorizeCodeResponseSchema,
  generateCodeRequestSchema,
  generateCodeResponseSchema,
  invalidateCodesRequestSchema,
  invalidateCodesResponseSchema,
  toAuthorizedCode,
  toGeneratedCode,
  toInvalidatedCodes,
} from "./codes-api.js";
export type {
  DeviceLoginCompleteRequest,
  DeviceLoginInitRequest,
  DeviceLoginInitResponse,
} from "./device-login.js";
export {
  DEVICE_LOGIN_CHALLENGE_LIFETIME_MS,
  deviceLoginCompleteRequestSchema,
  deviceLoginInitRequestSchema,
  deviceLoginInitResponseSchema,
} from "./device-login.js";
export type { ErrorBody } from "./error-body.js";
export { errorBodySchema } from "./error-body.js";
export type { ClientErrorCode, HandoffErrorCode, ServiceErrorCode } from "./error-codes.js";
export {
  CLIENT_ERROR_CODES,
  isHandoffErrorCode,
  isServiceErrorCode,
  SERVICE_ERROR_CODES,
} from "./error-codes.js";
export type { HandoffErrorOptions } from "./handoff-error.js";
export { HandoffError, isHandoffError } from "./handoff-error.js";
export type {
  CodeRequester,
  CodeRequesterWire,
  ListPendingCodesRequest,
  ListPendingCodesResponse,
  PendingCode,
  PendingCodeWire,
} from "./pending-codes.js";
export {
  codeRequesterSchema,
  listPendingCodesRequestSchema,
  listPendingCodesResponseSchema,
  pendingCodeSchema,
  toPendingCode,
} from "./pending-codes.js";
export { codeValueSchema, idSchema, timestampSchema, usernameSchema } from "./primitives.js";
export type {
  DeviceKeyType,
  PwlessDevicesRequest,
  PwlessDevicesResponse,
  PwlessSignupRequest,
  PwlessSignupResponse,
  RegisteredDeviceKey,
} from "./pwless.js";
export {
  DEVICE_KEY_TYPES,
  emailSchema,
  pwlessDevicesRequestSchema,
  pwlessDevicesResponseSchema,
  pwlessSignupRequestSchema,
  pwlessSignupResponseSchema,
  toRegisteredDeviceKey,
} from "./pwless.js";
export type { EndpointAuth, EndpointName, EndpointSpec, Scope } from "./scopes.js";
export { ENDPOINTS, endpointPath, SCOPES, scopeSchema } from "./scopes.js";
export type { ServiceTokenClaims, UserTokenClaims, UserTokenClaimsWire } from "./tokens.js";
export {
  JWT_ALGORITHM,
  SERVICE_TOKEN_MAX_AGE_SECONDS,
  serviceTokenClaimsSchema,
  toUserTokenClaims,
  userTokenClaimsSchema,
} from "./tokens.js";
export type { UserProfile, UserProfileWire, UserRequest } from "./users.js";
export { toUserProfile, userProfileSchema, userRequestSchema } from "./users.js";
export type { AuthenticationResponse, Session, WaitCodeRequest } from "./wait.js";
export { authenticationResponseSchema, toSession, waitCodeRequestSchema } from "./wait.js";
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
