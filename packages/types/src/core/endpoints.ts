import type { Scope } from "./scopes.js";

/** How a caller proves who it is on an endpoint. */
export type EndpointAuth =
  /** A service token with the endpoint's scope is required. */
  | "service_token"
  /** A service token is optional; when present it must carry the endpoint's scope. */
  | "optional_service_token"
  /** Called by browsers and devices; no token. */
  | "none";

/** One row of the endpoint table. */
export interface EndpointSpec {
  /** HTTP method. */
  readonly method: "GET" | "POST";
  /** Path template; `{type}` stands for a {@link CodeType}. */
  readonly path: string;
  /** Scope a service token must carry, or `null` when the endpoint takes none. */
  readonly scope: Scope | null;
  /** Whether the service token is required, optional or not used. */
  readonly auth: EndpointAuth;
}

/*
 * One constant per endpoint, so that a bundle holds only the rows its code uses (a bundler cannot
 * drop unused properties of one object): the browser core carries the wait's row and none of the
 * passkey or `/pwless` paths. {@link ENDPOINTS} gathers them for code that looks rows up by name.
 */
/** Creates a user in the client's namespace (`POST /api/native/manage/users`). */
export const CREATE_USER_ENDPOINT = {
  method: "POST",
  path: "/api/native/manage/users",
  scope: "users.create",
  auth: "service_token",
} as const satisfies EndpointSpec;
/** Looks a user up by username (`POST /api/native/manage/users/retrieve`). */
export const RETRIEVE_USER_ENDPOINT = {
  method: "POST",
  path: "/api/native/manage/users/retrieve",
  scope: "users.retrieve",
  auth: "service_token",
} as const satisfies EndpointSpec;
/** Generates a code of a type (`POST /api/native/codes/{type}/generate`). */
export const GENERATE_CODE_ENDPOINT = {
  method: "POST",
  path: "/api/native/codes/{type}/generate",
  scope: "codes.generate",
  auth: "service_token",
} as const satisfies EndpointSpec;
/** Authorizes a code from the signed-in device (`POST /api/native/codes/{type}/authorize`). */
export const AUTHORIZE_CODE_ENDPOINT = {
  method: "POST",
  path: "/api/native/codes/{type}/authorize",
  scope: "codes.authorize",
  auth: "service_token",
} as const satisfies EndpointSpec;
/** Invalidates a user's codes of a type and purpose (`POST /api/native/codes/{type}/invalidate-all`). */
export const INVALIDATE_ALL_CODES_ENDPOINT = {
  method: "POST",
  path: "/api/native/codes/{type}/invalidate-all",
  scope: "codes.invalidate",
  auth: "service_token",
} as const satisfies EndpointSpec;
/** Lists a user's live codes with their requesters (`POST /api/native/codes/{type}/pending`). */
export const LIST_PENDING_CODES_ENDPOINT = {
  method: "POST",
  path: "/api/native/codes/{type}/pending",
  scope: "codes.authorize",
  auth: "service_token",
} as const satisfies EndpointSpec;
/** Waits until a code is authorized and answers the session (`POST /api/native/authenticate/code/wait`). */
export const WAIT_CODE_ENDPOINT = {
  method: "POST",
  path: "/api/native/authenticate/code/wait",
  scope: "auth.temporary",
  auth: "optional_service_token",
} as const satisfies EndpointSpec;
/** Starts a passkey sign-up (`POST /api/native/register/fido2/init`). */
export const FIDO2_REGISTER_INIT_ENDPOINT = {
  method: "POST",
  path: "/api/native/register/fido2/init",
  scope: null,
  auth: "none",
} as const satisfies EndpointSpec;
/** Completes a passkey sign-up (`POST /api/native/register/fido2/complete`). */
export const FIDO2_REGISTER_COMPLETE_ENDPOINT = {
  method: "POST",
  path: "/api/native/register/fido2/complete",
  scope: null,
  auth: "none",
} as const satisfies EndpointSpec;
/** Starts a passkey sign-in (`POST /api/native/authenticate/fido2/init`). */
export const FIDO2_AUTHENTICATE_INIT_ENDPOINT = {
  method: "POST",
  path: "/api/native/authenticate/fido2/init",
  scope: null,
  auth: "none",
} as const satisfies EndpointSpec;
/** Completes a passkey sign-in (`POST /api/native/authenticate/fido2/complete`). */
export const FIDO2_AUTHENTICATE_COMPLETE_ENDPOINT = {
  method: "POST",
  path: "/api/native/authenticate/fido2/complete",
  scope: null,
  auth: "none",
} as const satisfies EndpointSpec;
/** Starts adding a passkey with an `add_credential` code (`POST /api/native/credentials/fido2/init`). */
export const FIDO2_ADD_CREDENTIAL_INIT_ENDPOINT = {
  method: "POST",
  path: "/api/native/credentials/fido2/init",
  scope: null,
  auth: "none",
} as const satisfies EndpointSpec;
/** Completes adding a passkey (`POST /api/native/credentials/fido2/complete`). */
export const FIDO2_ADD_CREDENTIAL_COMPLETE_ENDPOINT = {
  method: "POST",
  path: "/api/native/credentials/fido2/complete",
  scope: null,
  auth: "none",
} as const satisfies EndpointSpec;
/** Emails a security code for adding a device (`POST /pwless/signup`). */
export const PWLESS_SIGNUP_ENDPOINT = {
  method: "POST",
  path: "/pwless/signup",
  scope: null,
  auth: "none",
} as const satisfies EndpointSpec;
/** Registers a device key with the emailed code (`POST /pwless/devices`). */
export const PWLESS_DEVICES_ENDPOINT = {
  method: "POST",
  path: "/pwless/devices",
  scope: null,
  auth: "none",
} as const satisfies EndpointSpec;
/** Asks for a challenge for a device key (`POST /pwless/login/init`). */
export const PWLESS_LOGIN_INIT_ENDPOINT = {
  method: "POST",
  path: "/pwless/login/init",
  scope: null,
  auth: "none",
} as const satisfies EndpointSpec;
/** Signs in with a device key's signature (`POST /pwless/login/complete`). */
export const PWLESS_LOGIN_COMPLETE_ENDPOINT = {
  method: "POST",
  path: "/pwless/login/complete",
  scope: null,
  auth: "none",
} as const satisfies EndpointSpec;
/** The service's public keys as a JWK set (`GET /.well-known/jwks.json`). */
export const JWKS_ENDPOINT = {
  method: "GET",
  path: "/.well-known/jwks.json",
  scope: null,
  auth: "none",
} as const satisfies EndpointSpec;
/** The same keys at the seeds' path (`GET /api/native/certs`). */
export const CERTS_ENDPOINT = {
  method: "GET",
  path: "/api/native/certs",
  scope: null,
  auth: "none",
} as const satisfies EndpointSpec;
/**
 * Every endpoint of the REST contract, with the scope its service token needs. Paths are the
 * seeds' own; `{type}` is a code type.
 *
 * @example
 * ENDPOINTS.authorizeCode.scope; // "codes.authorize"
 */
export const ENDPOINTS = {
  createUser: CREATE_USER_ENDPOINT,
  retrieveUser: RETRIEVE_USER_ENDPOINT,
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
  pwlessSignup: PWLESS_SIGNUP_ENDPOINT,
  pwlessDevices: PWLESS_DEVICES_ENDPOINT,
  pwlessLoginInit: PWLESS_LOGIN_INIT_ENDPOINT,
  pwlessLoginComplete: PWLESS_LOGIN_COMPLETE_ENDPOINT,
  jwks: JWKS_ENDPOINT,
  certs: CERTS_ENDPOINT,
} as const satisfies Record<string, EndpointSpec>;

/** Name of an endpoint in {@link ENDPOINTS}. */
export type EndpointName = keyof typeof ENDPOINTS;

/**
 * Fills the `{type}` placeholder of an endpoint path.
 *
 * @example
 * endpointPath("generateCode", { type: "short" }); // "/api/native/codes/short/generate"
 */
export function endpointPath(name: EndpointName, params: { type?: string } = {}): string {
  const { path } = ENDPOINTS[name];
  return params.type === undefined ? path : path.replace("{type}", encodeURIComponent(params.type));
}
