import {
  fromCredentialResponse,
  toAuthorizedCode,
  toCredential,
  toDeletedUser,
  toDeviceAuthorization,
  toGeneratedCode,
  toInvalidatedCodes,
  toPendingCode,
  toUserProfile,
} from "@handoff/types/core";
import { requireCode, requireCredentialId, requireCredentialName } from "@handoff/types/core/arguments";
import { optionalBoolean } from "./arguments.js";
import { codeRequest, credentialRequest, deviceAuthorizationRequest, userIdRequest, userRequest } from "./requests.js";
import { readWith, type ServiceMethodTable } from "./service-method.js";

/**
 * The server SDK's methods, one row per contract endpoint: which endpoint (its path, HTTP method
 * and scope are in `ENDPOINTS`), the token claim that binds the user, whether it is retried, how
 * the arguments become the request, and how the 200 body becomes the result. Each method's
 * name, signature and documentation are those of {@link ServerClient}; `bindServiceMethods` turns
 * the rows into its functions. A new endpoint is a new row (and its member of `ServerClient`).
 */
export const SERVICE_METHODS: ServiceMethodTable = {
  getUser: {
    endpoint: "retrieveUser",
    binding: "username",
    retry: true,
    request: (_clientId, username, options) => userRequest(username, options),
    response: readWith((schemas) => schemas.userProfileSchema, toUserProfile),
  },
  createUser: {
    endpoint: "createUser",
    binding: "username",
    retry: false,
    request: (_clientId, username, options) => userRequest(username, options),
    response: readWith((schemas) => schemas.userProfileSchema, toUserProfile),
  },
  generateCode: {
    endpoint: "generateCode",
    binding: "user_id",
    retry: false,
    request: (clientId, options) =>
      codeRequest(clientId, options, (input) => ({
        authorize: optionalBoolean(input.authorize, "authorize") ?? false,
      })),
    response: readWith((schemas) => schemas.generateCodeResponseSchema, toGeneratedCode),
  },
  authorizeCode: {
    endpoint: "authorizeCode",
    binding: "user_id",
    retry: false,
    request: (clientId, options) => codeRequest(clientId, options, (input) => ({ code: requireCode(input.code) })),
    response: readWith((schemas) => schemas.authorizeCodeResponseSchema, toAuthorizedCode),
  },
  invalidateAllCodes: {
    endpoint: "invalidateAllCodes",
    binding: "user_id",
    retry: false,
    request: (clientId, options) => codeRequest(clientId, options),
    response: readWith((schemas) => schemas.invalidateCodesResponseSchema, toInvalidatedCodes),
  },
  listPendingCodes: {
    endpoint: "listPendingCodes",
    binding: "user_id",
    retry: true,
    request: (clientId, options) => codeRequest(clientId, options),
    response: readWith(
      (schemas) => schemas.listPendingCodesResponseSchema,
      (wire) => wire.codes.map(toPendingCode),
    ),
  },
  deactivateUser: {
    endpoint: "deactivateUser",
    binding: "user_id",
    retry: false,
    request: (_clientId, userId, options) => userIdRequest(userId, options),
    response: readWith((schemas) => schemas.userProfileSchema, toUserProfile),
  },
  activateUser: {
    endpoint: "activateUser",
    binding: "user_id",
    retry: false,
    request: (_clientId, userId, options) => userIdRequest(userId, options),
    response: readWith((schemas) => schemas.userProfileSchema, toUserProfile),
  },
  deleteUser: {
    endpoint: "deleteUserById",
    binding: "user_id",
    retry: false,
    request: (_clientId, userId, options) => userIdRequest(userId, options),
    response: readWith((schemas) => schemas.deleteUserResponseSchema, toDeletedUser),
  },
  listCredentials: {
    endpoint: "listCredentials",
    binding: "user_id",
    retry: true,
    request: (clientId, options) => credentialRequest(clientId, options, undefined, { inQuery: true }),
    response: readWith(
      (schemas) => schemas.listCredentialsResponseSchema,
      (wire) => wire.credentials.map(toCredential),
    ),
  },
  renameCredential: {
    endpoint: "renameCredential",
    binding: "user_id",
    retry: false,
    request: (clientId, options) =>
      credentialRequest(clientId, options, (input) => ({
        credential: { uuid: requireCredentialId(input.credentialId), name: requireCredentialName(input.name, "name") },
      })),
    response: readWith((schemas) => schemas.credentialResponseSchema, fromCredentialResponse),
  },
  revokeCredential: {
    endpoint: "revokeCredential",
    binding: "user_id",
    retry: false,
    request: (clientId, options) =>
      credentialRequest(clientId, options, (input) => ({
        credential: { uuid: requireCredentialId(input.credentialId) },
        ...(optionalBoolean(input.force, "force") ? { force: true } : {}),
      })),
    response: readWith((schemas) => schemas.credentialResponseSchema, fromCredentialResponse),
  },
  startAddPasskey: {
    endpoint: "fido2AddCredentialForceInit",
    binding: "user_id",
    retry: false,
    request: (clientId, options) => credentialRequest(clientId, options),
    response: readWith(
      (schemas) => schemas.registrationOptionsResponseSchema,
      (wire) => wire,
    ),
  },
  getDeviceAuthorization: {
    endpoint: "getDeviceAuthorization",
    binding: "user_id",
    retry: true,
    request: (clientId, options) => deviceAuthorizationRequest(clientId, options, { userRequired: false }),
    response: readWith((schemas) => schemas.deviceAuthorizationSchema, toDeviceAuthorization),
  },
  approveDeviceAuthorization: {
    endpoint: "approveDeviceAuthorization",
    binding: "user_id",
    retry: false,
    request: (clientId, options) => deviceAuthorizationRequest(clientId, options, { userRequired: true }),
    response: readWith((schemas) => schemas.deviceAuthorizationSchema, toDeviceAuthorization),
  },
  denyDeviceAuthorization: {
    endpoint: "denyDeviceAuthorization",
    binding: "user_id",
    retry: false,
    request: (clientId, options) => deviceAuthorizationRequest(clientId, options, { userRequired: false }),
    response: readWith((schemas) => schemas.deviceAuthorizationSchema, toDeviceAuthorization),
  },
};
