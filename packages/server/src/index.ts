/**
 * @packageDocumentation
 * @module @handoff/server
 */
export type {
  AuthorizedCode,
  CodePurpose,
  CodeRequester,
  CodeType,
  CreationOptionsJSON,
  Credential,
  DeletedUser,
  DeviceAuthorization,
  DeviceAuthorizationStatus,
  GeneratedCode,
  HandoffErrorCode,
  InvalidatedCodes,
  PendingCode,
  UserProfile,
  UserTokenClaims,
} from "@handoff/types";
export { HandoffError, isHandoffError, normalizeUserCode, signedInWithOwnKey } from "@handoff/types/core";
export type { CallOptions } from "./call-options.js";
export type {
  AuthorizeCodeOptions,
  GenerateCodeOptions,
  InvalidateAllCodesOptions,
  ListPendingCodesOptions,
} from "./codes/code-options.js";
export { createServerClient } from "./create-server-client.js";
export type {
  ListCredentialsOptions,
  RenameCredentialOptions,
  RevokeCredentialOptions,
  StartAddPasskeyOptions,
} from "./credentials/credential-options.js";
export type {
  ApproveDeviceAuthorizationOptions,
  DeviceAuthorizationOptions,
} from "./device-authorizations/device-authorization-options.js";
export type { ServerClient } from "./server-client.js";
export type { RetryOptions, ServerClientOptions } from "./server-client-options.js";
export type { PrivateKeyInput } from "./tokens/import-private-key.js";
export { importPrivateKey } from "./tokens/import-private-key.js";
export type { ServiceTokenOptions } from "./tokens/sign-service-token.js";
export { signServiceToken } from "./tokens/sign-service-token.js";
export type { VerifyTokenOptions } from "./tokens/verify-token.js";
