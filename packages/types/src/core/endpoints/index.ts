import {
  AUTHORIZE_CODE_ENDPOINT,
  GENERATE_CODE_ENDPOINT,
  INVALIDATE_ALL_CODES_ENDPOINT,
  LIST_PENDING_CODES_ENDPOINT,
  WAIT_CODE_ENDPOINT,
} from "./codes.js";
import {
  FIDO2_ADD_CREDENTIAL_FORCE_INIT_ENDPOINT,
  LIST_CREDENTIALS_ENDPOINT,
  RENAME_CREDENTIAL_ENDPOINT,
  REVOKE_CREDENTIAL_ENDPOINT,
} from "./credentials.js";
import {
  APPROVE_DEVICE_AUTHORIZATION_ENDPOINT,
  DENY_DEVICE_AUTHORIZATION_ENDPOINT,
  DEVICE_AUTHORIZATION_ENDPOINT,
  GET_DEVICE_AUTHORIZATION_ENDPOINT,
  OAUTH_METADATA_ENDPOINT,
  OPENID_CONFIGURATION_ENDPOINT,
  TOKEN_ENDPOINT,
} from "./device-grant.js";
import type { EndpointSpec } from "./endpoint-spec.js";
import { CERTS_ENDPOINT, JWKS_ENDPOINT } from "./keys.js";
import {
  FIDO2_ADD_CREDENTIAL_COMPLETE_ENDPOINT,
  FIDO2_ADD_CREDENTIAL_INIT_ENDPOINT,
  FIDO2_AUTHENTICATE_COMPLETE_ENDPOINT,
  FIDO2_AUTHENTICATE_INIT_ENDPOINT,
  FIDO2_REGISTER_COMPLETE_ENDPOINT,
  FIDO2_REGISTER_INIT_ENDPOINT,
} from "./passkeys.js";
import {
  PWLESS_DEVICES_ENDPOINT,
  PWLESS_LOGIN_COMPLETE_ENDPOINT,
  PWLESS_LOGIN_INIT_ENDPOINT,
  PWLESS_SIGNUP_ENDPOINT,
} from "./pwless.js";
import {
  ACTIVATE_USER_ENDPOINT,
  CREATE_USER_ENDPOINT,
  DEACTIVATE_USER_ENDPOINT,
  DELETE_USER_BY_ID_ENDPOINT,
  DELETE_USER_ENDPOINT,
  RETRIEVE_USER_ENDPOINT,
} from "./users.js";

/*
 * One constant per endpoint, in one module per feature (`./codes.js`, `./passkeys.js`,
 * `./pwless.js`, …, each also a subpath such as `@handoff/types/core/endpoints/passkeys`), so that
 * a bundle holds only the rows its code uses: a bundler splits code by module and cannot drop
 * unused properties of one object, so the browser core, importing the wait's row from
 * `…/endpoints/codes`, carries none of the passkey or `/pwless` rows its lazily loaded chunks
 * use. {@link ENDPOINTS} gathers them for code that looks rows up by name.
 */

export type { EndpointAuth, EndpointSpec } from "./endpoint-spec.js";
export {
  ACTIVATE_USER_ENDPOINT,
  APPROVE_DEVICE_AUTHORIZATION_ENDPOINT,
  AUTHORIZE_CODE_ENDPOINT,
  CERTS_ENDPOINT,
  CREATE_USER_ENDPOINT,
  DEACTIVATE_USER_ENDPOINT,
  DELETE_USER_BY_ID_ENDPOINT,
  DELETE_USER_ENDPOINT,
  DENY_DEVICE_AUTHORIZATION_ENDPOINT,
  DEVICE_AUTHORIZATION_ENDPOINT,
  FIDO2_ADD_CREDENTIAL_COMPLETE_ENDPOINT,
  FIDO2_ADD_CREDENTIAL_FORCE_INIT_ENDPOINT,
  FIDO2_ADD_CREDENTIAL_INIT_ENDPOINT,
  FIDO2_AUTHENTICATE_COMPLETE_ENDPOINT,
  FIDO2_AUTHENTICATE_INIT_ENDPOINT,
  FIDO2_REGISTER_COMPLETE_ENDPOINT,
  FIDO2_REGISTER_INIT_ENDPOINT,
  GENERATE_CODE_ENDPOINT,
  GET_DEVICE_AUTHORIZATION_ENDPOINT,
  INVALIDATE_ALL_CODES_ENDPOINT,
  JWKS_ENDPOINT,
  LIST_CREDENTIALS_ENDPOINT,
  LIST_PENDING_CODES_ENDPOINT,
  OAUTH_METADATA_ENDPOINT,
  OPENID_CONFIGURATION_ENDPOINT,
  PWLESS_DEVICES_ENDPOINT,
  PWLESS_LOGIN_COMPLETE_ENDPOINT,
  PWLESS_LOGIN_INIT_ENDPOINT,
  PWLESS_SIGNUP_ENDPOINT,
  RENAME_CREDENTIAL_ENDPOINT,
  RETRIEVE_USER_ENDPOINT,
  REVOKE_CREDENTIAL_ENDPOINT,
  TOKEN_ENDPOINT,
  WAIT_CODE_ENDPOINT,
};

/**
 * Every endpoint of the REST contract, with the scope its service token needs. Paths are the
 * seeds' own; `{type}` is a code type, `{id}` a user id.
 *
 * @example
 * ENDPOINTS.authorizeCode.scope; // "codes.authorize"
 */
export const ENDPOINTS = {
  createUser: CREATE_USER_ENDPOINT,
  retrieveUser: RETRIEVE_USER_ENDPOINT,
  deleteUser: DELETE_USER_ENDPOINT,
  deleteUserById: DELETE_USER_BY_ID_ENDPOINT,
  activateUser: ACTIVATE_USER_ENDPOINT,
  deactivateUser: DEACTIVATE_USER_ENDPOINT,
  generateCode: GENERATE_CODE_ENDPOINT,
  authorizeCode: AUTHORIZE_CODE_ENDPOINT,
  invalidateAllCodes: INVALIDATE_ALL_CODES_ENDPOINT,
  listPendingCodes: LIST_PENDING_CODES_ENDPOINT,
  waitCode: WAIT_CODE_ENDPOINT,
  fido2RegisterInit: FIDO2_REGISTER_INIT_ENDPOINT,
  fido2RegisterComplete: FIDO2_REGISTER_COMPLETE_ENDPOINT,
  fido2AuthenticateInit: FIDO2_AUTHENTICATE_INIT_ENDPOINT,
  fido2AuthenticateComplete: FIDO2_AUTHENTICATE_COMPLETE_ENDPOINT,
  fido2AddCredentialInit: FIDO2_ADD_CREDENTIAL_INIT_ENDPOINT,
  fido2AddCredentialComplete: FIDO2_ADD_CREDENTIAL_COMPLETE_ENDPOINT,
  fido2AddCredentialForceInit: FIDO2_ADD_CREDENTIAL_FORCE_INIT_ENDPOINT,
  pwlessSignup: PWLESS_SIGNUP_ENDPOINT,
  pwlessDevices: PWLESS_DEVICES_ENDPOINT,
  pwlessLoginInit: PWLESS_LOGIN_INIT_ENDPOINT,
  pwlessLoginComplete: PWLESS_LOGIN_COMPLETE_ENDPOINT,
  listCredentials: LIST_CREDENTIALS_ENDPOINT,
  renameCredential: RENAME_CREDENTIAL_ENDPOINT,
  revokeCredential: REVOKE_CREDENTIAL_ENDPOINT,
  jwks: JWKS_ENDPOINT,
  certs: CERTS_ENDPOINT,
  oauthMetadata: OAUTH_METADATA_ENDPOINT,
  openidConfiguration: OPENID_CONFIGURATION_ENDPOINT,
  deviceAuthorization: DEVICE_AUTHORIZATION_ENDPOINT,
  token: TOKEN_ENDPOINT,
  getDeviceAuthorization: GET_DEVICE_AUTHORIZATION_ENDPOINT,
  approveDeviceAuthorization: APPROVE_DEVICE_AUTHORIZATION_ENDPOINT,
  denyDeviceAuthorization: DENY_DEVICE_AUTHORIZATION_ENDPOINT,
} as const satisfies Record<string, EndpointSpec>;

/** Name of an endpoint in {@link ENDPOINTS}. */
export type EndpointName = keyof typeof ENDPOINTS;

/** Values of the placeholders of an endpoint path. */
export interface EndpointPathParams {
  /** Fills `{type}`: a code type. */
  type?: string;
  /** Fills `{id}`: a user id. */
  id?: string;
}

/**
 * Fills the `{type}` and `{id}` placeholders of an endpoint path (URI-encoded); a placeholder
 * without a value is left as it is.
 *
 * @example
 * endpointPath("generateCode", { type: "short" }); // "/api/native/codes/short/generate"
 * endpointPath("activateUser", { id: "u1" }); // "/api/native/manage/users/u1/activate"
 */
export function endpointPath(name: EndpointName, params: EndpointPathParams = {}): string {
  let path: string = ENDPOINTS[name].path;
  if (params.type !== undefined) path = path.replace("{type}", encodeURIComponent(params.type));
  if (params.id !== undefined) path = path.replace("{id}", encodeURIComponent(params.id));
  return path;
}
