import {
  authorizeCodeResponseSchema,
  generateCodeResponseSchema,
  invalidateCodesResponseSchema,
  listPendingCodesResponseSchema,
  toAuthorizedCode,
  toGeneratedCode,
  toInvalidatedCodes,
  toPendingCode,
  toUserProfile,
  userProfileSchema,
} from "@handoff/types";
import { requireCode } from "@handoff/types/core/arguments";
import { optionalBoolean } from "./arguments.js";
import { codeRequest, userRequest } from "./requests.js";
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
    response: readWith(userProfileSchema, toUserProfile),
  },
  createUser: {
    endpoint: "createUser",
    binding: "username",
    retry: false,
    request: (_clientId, username, options) => userRequest(username, options),
    response: readWith(userProfileSchema, toUserProfile),
  },
  generateCode: {
    endpoint: "generateCode",
    binding: "user_id",
    retry: false,
    request: (clientId, options) =>
      codeRequest(clientId, options, (input) => ({
        authorize: optionalBoolean(input.authorize, "authorize") ?? false,
      })),
    response: readWith(generateCodeResponseSchema, toGeneratedCode),
  },
  authorizeCode: {
    endpoint: "authorizeCode",
    binding: "user_id",
    retry: false,
    request: (clientId, options) => codeRequest(clientId, options, (input) => ({ code: requireCode(input.code) })),
    response: readWith(authorizeCodeResponseSchema, toAuthorizedCode),
  },
  invalidateAllCodes: {
    endpoint: "invalidateAllCodes",
    binding: "user_id",
    retry: false,
    request: (clientId, options) => codeRequest(clientId, options),
    response: readWith(invalidateCodesResponseSchema, toInvalidatedCodes),
  },
  listPendingCodes: {
    endpoint: "listPendingCodes",
    binding: "user_id",
    retry: true,
    request: (clientId, options) => codeRequest(clientId, options),
    response: readWith(listPendingCodesResponseSchema, (wire) => wire.codes.map(toPendingCode)),
  },
};
