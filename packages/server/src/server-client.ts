import type {
  AuthorizedCode,
  CreationOptionsJSON,
  Credential,
  DeletedUser,
  DeviceAuthorization,
  GeneratedCode,
  InvalidatedCodes,
  PendingCode,
  UserProfile,
  UserTokenClaims,
} from "@handoff/types";
import type { CallOptions } from "./call-options.js";
import type {
  AuthorizeCodeOptions,
  GenerateCodeOptions,
  InvalidateAllCodesOptions,
  ListPendingCodesOptions,
} from "./codes/code-options.js";
import type {
  ListCredentialsOptions,
  RenameCredentialOptions,
  RevokeCredentialOptions,
  StartAddPasskeyOptions,
} from "./credentials/credential-options.js";
import type {
  ApproveDeviceAuthorizationOptions,
  DeviceAuthorizationOptions,
} from "./device-authorizations/device-authorization-options.js";
import type { VerifyTokenOptions } from "./tokens/verify-token.js";

/**
 * The server SDK for one service and client, made by `createServerClient`. Every method rejects
 * only with `HandoffError` (branch on `code`). Arguments are checked before anything is sent
 * (`invalid_argument`). Each call to the service carries a freshly signed, 60-second service
 * token with the endpoint's scope, bound to the user the call is about, and may also reject with
 * the transport codes: `network_error`, `timeout`, `aborted`, `invalid_response` (an answer off
 * the contract), `invalid_token` and `forbidden` (the service refused the client's token).
 *
 * Only the calls that just read are retried, on network errors and 502/503/504 (see
 * `RetryOptions`); a call that creates or consumes something is sent once.
 *
 * @example
 * const { id: userId } = await handoff.getUser("alice@example.com");
 * const { code } = await handoff.generateCode({ userId, codeType: "short", purpose: "temporary_authentication" });
 */
export interface ServerClient {
  /** The client id the calls are made for. */
  readonly clientId: string;
  /** The service URL, without a trailing slash. */
  readonly baseUrl: string;

  /**
   * The profile of a username; its `id` is what the code methods take. Retried.
   *
   * @throws {HandoffError} `user_not_found`, `invalid_argument`, and the transport codes.
   *
   * @example
   * const { id, createdAt } = await handoff.getUser("alice@example.com");
   */
  getUser(username: string, options?: CallOptions): Promise<UserProfile>;

  /**
   * The former name of {@link ServerClient.getUser | getUser}, kept as an alias: the very same
   * function, which returns the whole profile, not only the id.
   *
   * @deprecated Use `getUser`; `getUserID` will be removed in a future major version.
   */
  readonly getUserID: ServerClient["getUser"];

  /**
   * Creates a user in this client's namespace. Never retried (after a lost answer, a retry would
   * report `user_exists` for the user it created).
   *
   * @throws {HandoffError} `user_exists`, `invalid_argument`, and the transport codes.
   *
   * @example
   * const user = await handoff.createUser("alice@example.com");
   */
  createUser(username: string, options?: CallOptions): Promise<UserProfile>;

  /**
   * Generates a code for a user; show it, send it, or put it in a QR code. Never retried (a
   * retry would mint a second code).
   *
   * @throws {HandoffError} `user_not_found`, `invalid_argument`, and the transport codes.
   *
   * @example
   * const { code, expiresAt } = await handoff.generateCode({ userId, codeType: "short", purpose: "temporary_authentication" });
   */
  generateCode(options: GenerateCodeOptions): Promise<GeneratedCode>;

  /**
   * Authorizes a code the user typed on their signed-in device; the new device's wait then
   * returns its JWT. The code is normalised once (`normalizeCode`). Never retried: every wrong
   * try counts toward the user's lock-out.
   *
   * @throws {HandoffError} `invalid_code`, `code_expired`, `too_many_attempts` (see
   * `details.retryAfterSeconds`), `user_not_found`, `invalid_argument`, and the transport codes.
   *
   * @example
   * await handoff.authorizeCode({ userId, code: "048 213", codeType: "short", purpose: "temporary_authentication" });
   */
  authorizeCode(options: AuthorizeCodeOptions): Promise<AuthorizedCode>;

  /**
   * Denies a pending request: deletes the user's live codes of a type and purpose, and a wait on
   * one of them answers `code_invalidated`. Never retried.
   *
   * @throws {HandoffError} `user_not_found`, `invalid_argument`, and the transport codes.
   *
   * @example
   * const { deletedAt } = await handoff.invalidateAllCodes({ userId, codeType: "short", purpose: "temporary_authentication" });
   */
  invalidateAllCodes(options: InvalidateAllCodesOptions): Promise<InvalidatedCodes>;

  /**
   * The user's live (unexpired, unconsumed) codes of a type and purpose, oldest first, each with
   * the device waiting on it — user agent, IP, when it first waited; `requester` is `null` until
   * a device waits — never the codes themselves. Show them before Approve so the user can tell
   * their own device from a phisher's (RFC 8628 §5.4). Retried.
   *
   * @throws {HandoffError} `user_not_found`, `invalid_argument`, and the transport codes.
   *
   * @example
   * const [pending] = await handoff.listPendingCodes({ userId, codeType: "short", purpose: "temporary_authentication" });
   * console.log(pending?.requester?.userAgent, pending?.requester?.ip, pending?.requester?.seenAt);
   */
  listPendingCodes(options: ListPendingCodesOptions): Promise<PendingCode[]>;

  /**
   * Deactivates a user: their live codes are deleted (a wait on one answers `user_deactivated`),
   * and no code, wait or sign-in lets them in until {@link ServerClient.activateUser |
   * activateUser}; their credentials are kept. Deactivating again keeps the first
   * `deactivatedAt`. Never retried.
   *
   * @throws {HandoffError} `user_not_found`, `invalid_argument`, and the transport codes.
   *
   * @example
   * const { deactivatedAt } = await handoff.deactivateUser(userId);
   */
  deactivateUser(userId: string, options?: CallOptions): Promise<UserProfile>;

  /**
   * Activates a deactivated user again (`deactivatedAt` becomes `null`); codes deleted by the
   * deactivation stay deleted. Never retried.
   *
   * @throws {HandoffError} `user_not_found`, `invalid_argument`, and the transport codes.
   *
   * @example
   * await handoff.activateUser(userId);
   */
  activateUser(userId: string, options?: CallOptions): Promise<UserProfile>;

  /**
   * Deletes a user by id with their passkeys, device keys, codes and pending ceremonies, in one
   * transaction; a wait on one of their codes answers `user_not_found`. A later user of the same
   * username gets a new id, so compare a JWT's `sub`, never its username. Never retried (a retry
   * after a lost answer would report `user_not_found`).
   *
   * @throws {HandoffError} `user_not_found`, `invalid_argument`, and the transport codes.
   *
   * @example
   * const { deletedAt } = await handoff.deleteUser(userId);
   */
  deleteUser(userId: string, options?: CallOptions): Promise<DeletedUser>;

  /**
   * The user's passkeys and device keys, oldest first: for an account page where they can see,
   * rename and revoke them. Retried.
   *
   * @throws {HandoffError} `user_not_found`, `invalid_argument`, and the transport codes.
   *
   * @example
   * const credentials = await handoff.listCredentials({ userId });
   * for (const { id, type, name, lastUsedAt } of credentials) console.log(id, type, name, lastUsedAt);
   */
  listCredentials(options: ListCredentialsOptions): Promise<Credential[]>;

  /**
   * Renames one of the user's passkeys or device keys; returns it with its new name. Never retried.
   *
   * @throws {HandoffError} `credential_not_found` (also for another user's credential),
   * `user_not_found`, `invalid_argument`, and the transport codes.
   *
   * @example
   * await handoff.renameCredential({ userId, credentialId: credential.id, name: "Work laptop" });
   */
  renameCredential(options: RenameCredentialOptions): Promise<Credential>;

  /**
   * Revokes (deletes) one of the user's passkeys or device keys; it never signs in again, and the
   * user is emailed. Returns it as it was. The user's last one is refused with `last_credential`
   * unless `force: true`. Never retried.
   *
   * @throws {HandoffError} `credential_not_found` (also for another user's credential),
   * `last_credential`, `user_not_found`, `invalid_argument`, and the transport codes.
   *
   * @example
   * await handoff.revokeCredential({ userId, credentialId: credential.id });
   */
  revokeCredential(options: RevokeCredentialOptions): Promise<Credential>;

  /**
   * Starts adding a passkey for a signed-in user without a code, on your word: returns the
   * registration options to hand to that user's browser, which finishes with `completeAddPasskey`
   * of `@handoff/browser` (and gets a session). The options are single use, valid 5 minutes, and a
   * bearer grant until then: send them only to that user's browser, never log them. The user is
   * emailed when the passkey is added. Never retried.
   *
   * @throws {HandoffError} `user_not_found`, `user_deactivated`, `origin_not_allowed` (the client
   * has no browser origin), `invalid_argument`, and the transport codes.
   *
   * @example
   * // In your backend, for the user of the verified session:
   * const { options } = await handoff.startAddPasskey({ userId: claims.userId });
   * return Response.json({ options }); // → client.completeAddPasskey({ options }) in the browser
   */
  startAddPasskey(options: StartAddPasskeyOptions): Promise<{ options: CreationOptionsJSON }>;

  /**
   * A device authorization (OAuth device grant, RFC 8628) by the user code the person typed on
   * your verification page: its status, scopes and the device that asked — user agent, IP, when —
   * to show before Approve, so the user can tell their own device from a phisher's (RFC 8628
   * §5.4). Wrong codes count toward a lock-out (per `userId` when given, else per client). Retried.
   *
   * @throws {HandoffError} `invalid_code` (wrong), `code_expired`, `too_many_attempts` (see
   * `details.retryAfterSeconds`), `user_not_found`, `invalid_argument`, and the transport codes.
   *
   * @example
   * const { requester, scopes } = await handoff.getDeviceAuthorization({ userCode, userId: claims.userId });
   * console.log(requester.userAgent, requester.ip, requester.seenAt, scopes);
   */
  getDeviceAuthorization(options: DeviceAuthorizationOptions): Promise<DeviceAuthorization>;

  /**
   * Approves a pending device authorization for the signed-in user: the device's next token
   * request (or its held one, at once) gets an access token for that user (and an ID token when it
   * asked for `openid`). Never retried.
   *
   * @throws {HandoffError} `invalid_code` (wrong, or already approved or denied), `code_expired`,
   * `too_many_attempts`, `user_not_found`, `user_deactivated`, `invalid_argument`, and the transport codes.
   *
   * @example
   * await handoff.approveDeviceAuthorization({ userCode: "BDWP-HQPK", userId: claims.userId });
   */
  approveDeviceAuthorization(options: ApproveDeviceAuthorizationOptions): Promise<DeviceAuthorization>;

  /**
   * Denies a pending device authorization: the device's token request answers `access_denied`.
   * Never retried.
   *
   * @throws {HandoffError} `invalid_code` (wrong, or already approved or denied), `code_expired`,
   * `too_many_attempts`, `user_not_found`, `invalid_argument`, and the transport codes.
   *
   * @example
   * await handoff.denyDeviceAuthorization({ userCode: "BDWP-HQPK", userId: claims.userId });
   */
  denyDeviceAuthorization(options: DeviceAuthorizationOptions): Promise<DeviceAuthorization>;

  /**
   * Verifies a user JWT from the service against its JWKS (ES256, `iss`, `aud` = this client,
   * `exp`) and returns its claims.
   *
   * @throws {HandoffError} `jwt_expired`, `invalid_jwt`, `invalid_argument`; `network_error`,
   * `timeout`, `invalid_response` when the JWKS cannot be fetched.
   *
   * @example
   * const { userId, username } = await handoff.verifyToken(jwt, { username: "alice@example.com" });
   */
  verifyToken(jwt: string, options?: VerifyTokenOptions): Promise<UserTokenClaims>;
}
