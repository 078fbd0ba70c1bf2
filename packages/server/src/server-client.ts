import type {
  AuthorizedCode,
  GeneratedCode,
  InvalidatedCodes,
  PendingCode,
  UserProfile,
  UserTokenClaims,
} from "@handoff/types";
import type { CallOptions } from "./call-options.js";
import type { AuthorizeCodeOptions } from "./codes/authorize-code.js";
import type { GenerateCodeOptions } from "./codes/generate-code.js";
import type { InvalidateAllCodesOptions } from "./codes/invalidate-all-codes.js";
import type { ListPendingCodesOptions } from "./codes/list-pending-codes.js";
import type { VerifyTokenOptions } from "./tokens/verify-token.js";

/**
 * The server SDK for one service and client, made by `createServerClient`. Every method rejects
 * only with `HandoffError` (branch on `code`); arguments are checked before anything is sent.
 *
 * @example
 * const { id: userId } = await handoff.getUserID("alice@example.com");
 * const { code } = await handoff.generateCode({ userId, codeType: "short", purpose: "temporary_authentication" });
 */
export interface ServerClient {
  /** The client id the calls are made for. */
  readonly clientId: string;
  /** The service URL, without a trailing slash. */
  readonly baseUrl: string;

  /**
   * The profile (with the `id` code calls take) of a username. Retried on network errors and
   * 502/503/504 (see `RetryOptions`).
   *
   * @throws {HandoffError} `user_not_found`, `invalid_argument`, and the transport codes
   * (`network_error`, `timeout`, `aborted`, `invalid_response`, `invalid_token`, `forbidden`).
   *
   * @example
   * const { id, createdAt } = await handoff.getUserID("alice@example.com");
   */
  getUserID(username: string, options?: CallOptions): Promise<UserProfile>;

  /**
   * Creates a user in this client's namespace.
   *
   * @throws {HandoffError} `user_exists`, `invalid_argument`, and the transport codes.
   *
   * @example
   * const user = await handoff.createUser("alice@example.com");
   */
  createUser(username: string, options?: CallOptions): Promise<UserProfile>;

  /**
   * Generates a code for a user; show it, send it, or put it in a QR code.
   *
   * @throws {HandoffError} `user_not_found`, `invalid_argument`, and the transport codes.
   *
   * @example
   * const { code, expiresAt } = await handoff.generateCode({ userId, codeType: "short", purpose: "temporary_authentication" });
   */
  generateCode(options: GenerateCodeOptions): Promise<GeneratedCode>;

  /**
   * Authorizes a code the user typed on their signed-in device; the new device's wait returns.
   *
   * @throws {HandoffError} `invalid_code`, `code_expired`, `too_many_attempts` (see
   * `details.retryAfterSeconds`), `user_not_found`, `invalid_argument`, and the transport codes.
   *
   * @example
   * await handoff.authorizeCode({ userId, code: "048 213", codeType: "short", purpose: "temporary_authentication" });
   */
  authorizeCode(options: AuthorizeCodeOptions): Promise<AuthorizedCode>;

  /**
   * Deletes the user's live codes of a type and purpose (deny); a pending wait answers
   * `code_invalidated`.
   *
   * @throws {HandoffError} `user_not_found`, `invalid_argument`, and the transport codes.
   *
   * @example
   * await handoff.invalidateAllCodes({ userId, codeType: "short", purpose: "temporary_authentication" });
   */
  invalidateAllCodes(options: InvalidateAllCodesOptions): Promise<InvalidatedCodes>;

  /**
   * The user's live codes of a type and purpose, each with the device waiting on it (user agent,
   * IP, when it first waited; `requester` is `null` until one waits), never the codes
   * themselves. Show them before Approve so the user can tell their own device from a phisher's
   * (RFC 8628 §5.4). Retried like `getUserID`.
   *
   * @throws {HandoffError} `user_not_found`, `invalid_argument`, and the transport codes.
   *
   * @example
   * const [pending] = await handoff.listPendingCodes({ userId, codeType: "short", purpose: "temporary_authentication" });
   * console.log(pending?.requester?.userAgent, pending?.requester?.ip, pending?.requester?.seenAt);
   */
  listPendingCodes(options: ListPendingCodesOptions): Promise<PendingCode[]>;

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
