import type { HandoffErrorCode } from "./error-codes.js";

/**
 * Every field a {@link HandoffError}'s `details` can hold; which ones a code can carry is in
 * `HandoffErrorDetailsByCode`. Details are safe to log and show: never secrets.
 */
export interface HandoffErrorDetailFields {
  /** The request path, e.g. `/api/native/codes/short/authorize`, on every error about a request. */
  readonly path?: string;
  /**
   * Seconds to wait before trying again, from the answer's `Retry-After` (delay-seconds or an
   * HTTP date; at least 1). The service sends it with every `429` and with `503` while it restarts.
   */
  readonly retryAfterSeconds?: number;
  /** On `invalid_response`: the `code` of an error body this SDK does not know (a newer service's). */
  readonly serviceCode?: string;
  /** On `network_error` of the browser client: the lazily loaded part that could not be fetched. */
  readonly chunk?: string;
  /** On the browser wait's `timeout`: the `maxWaitMs` that passed. */
  readonly maxWaitMs?: number;
  /** On the browser wait's `code_expired`: the `expiresAt` that passed, as ISO 8601. */
  readonly expiresAt?: string;
  /** On errors classified from a WebAuthn ceremony: the name of the browser's `DOMException`. */
  readonly name?: string;
}

/**
 * The fields `K` of {@link HandoffErrorDetailFields}; the others are declared absent, so every
 * field reads (as `undefined`) on an error whose code is not narrowed yet.
 */
type Fields<K extends keyof HandoffErrorDetailFields> = Pick<HandoffErrorDetailFields, K> & {
  readonly [P in Exclude<keyof HandoffErrorDetailFields, K>]?: undefined;
};
/** The fields of any error about one request: its path and the answer's `Retry-After`. */
type RequestFields = "path" | "retryAfterSeconds";
/** Details of an error answer of the service. */
type ServiceDetails = Fields<RequestFields>;
/** Details of an error classified from a WebAuthn ceremony. */
type CeremonyDetails = Fields<"name">;
/** No details. */
type NoDetails = Fields<never>;

/**
 * The `details` each error code can carry. Every error answered by the service has `path` and,
 * when the answer had a valid `Retry-After`, `retryAfterSeconds` (always with
 * `too_many_attempts`); the other fields belong to the codes listed here.
 *
 * @example
 * const details: HandoffErrorDetailsByCode["invalid_response"] = { path: "/x", serviceCode: "brand_new_code" };
 */
export interface HandoffErrorDetailsByCode {
  invalid_request: ServiceDetails;
  missing_token: ServiceDetails;
  invalid_token: ServiceDetails;
  forbidden: ServiceDetails;
  not_found: ServiceDetails;
  user_not_found: ServiceDetails;
  user_deactivated: ServiceDetails;
  method_not_allowed: ServiceDetails;
  wait_timeout: ServiceDetails;
  user_exists: ServiceDetails;
  invalid_code: ServiceDetails;
  code_expired: Fields<RequestFields | "expiresAt">;
  code_invalidated: ServiceDetails;
  payload_too_large: ServiceDetails;
  unsupported_media_type: ServiceDetails;
  too_many_attempts: ServiceDetails;
  weak_key: ServiceDetails;
  verification_failed: ServiceDetails;
  invalid_challenge: ServiceDetails;
  no_credentials: ServiceDetails;
  credential_not_found: ServiceDetails;
  last_credential: ServiceDetails;
  origin_not_allowed: ServiceDetails;
  service_unavailable: ServiceDetails;
  internal_error: ServiceDetails;
  invalid_argument: NoDetails;
  network_error: Fields<RequestFields | "chunk">;
  timeout: Fields<RequestFields | "maxWaitMs">;
  aborted: Fields<RequestFields | "name">;
  invalid_response: Fields<RequestFields | "serviceCode" | "name">;
  invalid_jwt: ServiceDetails;
  jwt_expired: ServiceDetails;
  webauthn_unsupported: CeremonyDetails;
  no_credential_on_device: CeremonyDetails;
  webauthn_cancelled: CeremonyDetails;
  webauthn_timeout: CeremonyDetails;
  webauthn_security_error: CeremonyDetails;
  credential_exists: CeremonyDetails;
  no_device_key: NoDetails;
  device_key_unsupported: NoDetails;
}

/**
 * The `details` of a {@link HandoffError} with code `C`. Every field of
 * {@link HandoffErrorDetailFields} reads on every code (absent ones as `undefined`), so
 * `error.details?.retryAfterSeconds` compiles before the code is narrowed.
 *
 * @example
 * const details: HandoffErrorDetails<"too_many_attempts"> = { path: "/x", retryAfterSeconds: 30 };
 */
export type HandoffErrorDetails<C extends HandoffErrorCode = HandoffErrorCode> = HandoffErrorDetailsByCode[C];
