import * as z from "zod/mini";

/**
 * Scopes of service tokens. Every management and code endpoint requires exactly one, carried
 * in the token's `type` claim (see {@link ENDPOINTS}).
 */
export const SCOPES = [
  "users.retrieve",
  "users.create",
  "codes.generate",
  "codes.authorize",
  "codes.invalidate",
  "auth.temporary",
  "credentials.add",
] as const;

/** One of {@link SCOPES}. */
export type Scope = (typeof SCOPES)[number];

/** Schema of a {@link Scope}. */
export const scopeSchema = z.enum(SCOPES);

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

/**
 * Every endpoint of the REST contract, with the scope its service token needs. Paths are the
 * seeds' own; `{type}` is a code type.
 */
export const ENDPOINTS = {
  createUser: { method: "POST", path: "/api/native/manage/users", scope: "users.create", auth: "service_token" },
  retrieveUser: {
    method: "POST",
    path: "/api/native/manage/users/retrieve",
    scope: "users.retrieve",
    auth: "service_token",
  },
  generateCode: {
    method: "POST",
    path: "/api/native/codes/{type}/generate",
    scope: "codes.generate",
    auth: "service_token",
  },
  authorizeCode: {
    method: "POST",
    path: "/api/native/codes/{type}/authorize",
    scope: "codes.authorize",
    auth: "service_token",
  },
  invalidateAllCodes: {
    method: "POST",
    path: "/api/native/codes/{type}/invalidate-all",
    scope: "codes.invalidate",
    auth: "service_token",
  },
  listPendingCodes: {
    method: "POST",
    path: "/api/native/codes/{type}/pending",
    scope: "codes.authorize",
    auth: "service_token",
  },
  waitCode: {
    method: "POST",
    path: "/api/native/authenticate/code/wait",
    scope: "auth.temporary",
    auth: "optional_service_token",
  },
  fido2RegisterInit: { method: "POST", path: "/api/native/register/fido2/init", scope: null, auth: "none" },
  fido2RegisterComplete: { method: "POST", path: "/api/native/register/fido2/complete", scope: null, auth: "none" },
  fido2AuthenticateInit: { method: "POST", path: "/api/native/authenticate/fido2/init", scope: null, auth: "none" },
  fido2AuthenticateComplete: {
    method: "POST",
    path: "/api/native/authenticate/fido2/complete",
    scope: null,
    auth: "none",
  },
  fido2AddCredentialInit: { method: "POST", path: "/api/native/credentials/fido2/init", scope: null, auth: "none" },
  fido2AddCredentialComplete: {
    method: "POST",
    path: "/api/native/credentials/fido2/complete",
    scope: null,
    auth: "none",
  },
  pwlessSignup: { method: "POST", path: "/pwless/signup", scope: null, auth: "none" },
  pwlessDevices: { method: "POST", path: "/pwless/devices", scope: null, auth: "none" },
  pwlessLoginInit: { method: "POST", path: "/pwless/login/init", scope: null, auth: "none" },
  pwlessLoginComplete: { method: "POST", path: "/pwless/login/complete", scope: null, auth: "none" },
  jwks: { method: "GET", path: "/.well-known/jwks.json", scope: null, auth: "none" },
  certs: { method: "GET", path: "/api/native/certs", scope: null, auth: "none" },
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
