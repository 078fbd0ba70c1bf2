/**
 * Error codes the service puts in its `{ code, message }` bodies, with the HTTP status each is
 * sent with. The set is closed: a new code is a minor release, a removed one a major.
 *
 * @example
 * SERVICE_ERROR_CODES.too_many_attempts; // 429
 */
export const SERVICE_ERROR_CODES = {
  /** 400: the body, path or query failed validation, or the JSON is malformed. */
  invalid_request: 400,
  /** 401: no `Authorization: Bearer` service token where one is required. */
  missing_token: 401,
  /** 401: the service token is malformed, badly signed, expired, stale, replayed or not ES256. */
  invalid_token: 401,
  /** 403: the token is valid but for another scope, client or user. */
  forbidden: 403,
  /** 404: the route does not exist. */
  not_found: 404,
  /** 404: no user with that id or username in this client's namespace. */
  user_not_found: 404,
  /**
   * 403: the user is deactivated (its backend can activate it again): no code, wait or sign-in.
   * Anonymous callers see it only after proving a way in (a right code, a valid signature).
   */
  user_deactivated: 403,
  /** 405: the route exists with another method. */
  method_not_allowed: 405,
  /** 408: a wait was held until its timeout without the code being authorized; call again. */
  wait_timeout: 408,
  /** 409: a user with that username already exists. */
  user_exists: 409,
  /** 400: the code is wrong, used, or not for this user, type or purpose. Counts as an attempt. */
  invalid_code: 400,
  /** 410: the code was right but has expired. */
  code_expired: 410,
  /** 410: the code was invalidated (the request was denied) while it was pending. */
  code_invalidated: 410,
  /** 413: the body is larger than the service accepts. */
  payload_too_large: 413,
  /** 415: the body is not `application/json`. */
  unsupported_media_type: 415,
  /** 429: too many wrong codes; wait for `Retry-After` seconds. */
  too_many_attempts: 429,
  /** 400: a device key is weak or unusable (SHA-1, RSA under 2048 bits, unknown curve). */
  weak_key: 400,
  /** 400: a WebAuthn or device-key ceremony failed verification (origin, RP ID, signature, counter). */
  verification_failed: 400,
  /** 400: the challenge is unknown, used or expired; start the ceremony again. */
  invalid_challenge: 400,
  /** 404: the user has no credential the ceremony can use. */
  no_credentials: 404,
  /** 404: the user has no passkey or device key with that id (another user's counts as none). */
  credential_not_found: 404,
  /**
   * 409: revoking this credential would leave the user with no passkey and no device key; send
   * `force: true` to revoke it anyway.
   */
  last_credential: 409,
  /** 403: the request's `Origin` is not allowed for this client. */
  origin_not_allowed: 403,
  /** 503: the service is shutting down or cannot reach its storage. */
  service_unavailable: 503,
  /** 500: a bug; the service logs it with a request id. */
  internal_error: 500,
} as const;

/** A code the service sends. */
export type ServiceErrorCode = keyof typeof SERVICE_ERROR_CODES;

/**
 * Error codes raised by the SDKs themselves, without a service response behind them, each with
 * its default message.
 *
 * @example
 * CLIENT_ERROR_CODES.aborted; // "The operation was aborted by the caller."
 */
export const CLIENT_ERROR_CODES = {
  /** An SDK method was called with a missing or malformed argument; no request was sent. */
  invalid_argument: "An argument is missing or malformed; nothing was sent.",
  /** The request never got an HTTP response (DNS, refused connection, CORS, offline). */
  network_error: "The service could not be reached.",
  /** The request, or the whole wait, took longer than its timeout. */
  timeout: "The request took longer than its timeout.",
  /** The caller's `AbortSignal` aborted the operation. */
  aborted: "The operation was aborted by the caller.",
  /** The service answered with a body that does not match the contract. */
  invalid_response: "The service answered with a body that does not match the contract.",
  /** A user JWT failed verification (signature, algorithm, `exp`, `aud`, `iss`). */
  invalid_jwt: "The token failed verification.",
  /** A user JWT has expired. */
  jwt_expired: "The token has expired.",
  /** This browser or runtime cannot do WebAuthn. */
  webauthn_unsupported: "This browser cannot use passkeys.",
  /** The authenticator has no credential for this user on this device: offer add device or use once. */
  no_credential_on_device: "No passkey for this account on this device.",
  /** The person cancelled the passkey prompt, or it was dismissed. */
  webauthn_cancelled: "The passkey prompt was cancelled.",
  /** The passkey prompt timed out. */
  webauthn_timeout: "The passkey prompt timed out.",
  /** The browser refused the ceremony for security reasons (origin, RP ID, insecure context). */
  webauthn_security_error: "The browser refused the passkey ceremony for this site.",
  /** This authenticator is already registered for the user. */
  credential_exists: "This device already has a passkey for this account.",
  /** No device key is stored in this browser for that email. */
  no_device_key: "No device key for this account is stored in this browser.",
  /** This runtime cannot create or keep a device key (no WebCrypto ECDSA or no IndexedDB). */
  device_key_unsupported: "This browser cannot keep a device key.",
} as const;

/** A code the SDKs raise locally. */
export type ClientErrorCode = keyof typeof CLIENT_ERROR_CODES;

/** Every stable error code a {@link HandoffError} can carry. */
export type HandoffErrorCode = ServiceErrorCode | ClientErrorCode;

/**
 * Type guard for {@link ServiceErrorCode}.
 *
 * @example
 * isServiceErrorCode("invalid_code"); // true
 */
export function isServiceErrorCode(value: unknown): value is ServiceErrorCode {
  return typeof value === "string" && Object.hasOwn(SERVICE_ERROR_CODES, value);
}

/**
 * Type guard for {@link ClientErrorCode}.
 *
 * @example
 * isClientErrorCode("aborted"); // true
 */
export function isClientErrorCode(value: unknown): value is ClientErrorCode {
  return typeof value === "string" && Object.hasOwn(CLIENT_ERROR_CODES, value);
}

/**
 * Type guard for {@link HandoffErrorCode}.
 *
 * @example
 * isHandoffErrorCode("timeout"); // true
 */
export function isHandoffErrorCode(value: unknown): value is HandoffErrorCode {
  return isServiceErrorCode(value) || isClientErrorCode(value);
}
