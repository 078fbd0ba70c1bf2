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
export * from "./core/index.js";
export type {
  CredentialResponse,
  CredentialType,
  CredentialWire,
  ForceAddCredentialInitRequest,
  ListCredentialsQuery,
  ListCredentialsResponse,
  RenameCredentialRequest,
  RevokeCredentialRequest,
} from "./credentials.js";
export {
  credentialResponseSchema,
  credentialSchema,
  credentialTypeSchema,
  forceAddCredentialInitRequestSchema,
  listCredentialsQuerySchema,
  listCredentialsResponseSchema,
  renameCredentialRequestSchema,
  revokeCredentialRequestSchema,
} from "./credentials.js";
export type {
  ApproveDeviceAuthorizationRequest,
  DeviceAuthorizationRequest,
  DeviceAuthorizationWire,
} from "./device-authorizations.js";
export {
  approveDeviceAuthorizationRequestSchema,
  deviceAuthorizationRequestSchema,
  deviceAuthorizationSchema,
} from "./device-authorizations.js";
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
  AuthorizationServerMetadata,
  DeviceAuthorizationForm,
  DeviceAuthorizationResponse,
  OAuthErrorBody,
  OAuthErrorCode,
  TokenForm,
  TokenResponse,
} from "./oauth.js";
export {
  authorizationServerMetadataSchema,
  DEVICE_CODE_GRANT_TYPE,
  deviceAuthorizationFormSchema,
  deviceAuthorizationResponseSchema,
  JWT_BEARER_ASSERTION_TYPE,
  OAUTH_ERROR_CODES,
  oauthErrorSchema,
  tokenFormSchema,
  tokenResponseSchema,
} from "./oauth.js";
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
  SERVICE_TOKEN_MAX_AGE_SECONDS,
  serviceTokenClaimsSchema,
  userTokenClaimsSchema,
} from "./tokens.js";
export type { DeleteUserResponse, UserProfileWire, UserRequest } from "./users.js";
export { deleteUserResponseSchema, userProfileSchema, userRequestSchema } from "./users.js";
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
