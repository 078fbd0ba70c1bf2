import type { GeneratedCode, SessionCredentialType, UserProfile, UserTokenClaims } from "@handoff/types";
import type { ServerClient } from "../server-client.js";

/** Who is signed in on a request, as your app's own session says. */
export interface SignedInUser {
  /** The Handoff user id (the `userId` of the claims your `signIn` received). */
  userId: string;
  /**
   * What the session was made with: the claims' `credential?.type ?? null`. Only a session made
   * with this device's own passkey (`"fido2"`) or device key (`"device_key"`) approves other
   * devices; a one-time sign-in (`"code"`) or an unknown one (`null`) may deny, not approve,
   * unless `oneTimeSessionsMayApprove`.
   */
  credentialType: SessionCredentialType | null;
}

/**
 * Options of `createHandoffHandler` (and of the Hono and Express adapters, which wrap it).
 * `Extra` is what the framework adds to the fetch `Request` for your callbacks: the Hono context,
 * Express's `{ req, res }` (where `req.session` lives), or nothing for the plain handler.
 *
 * @example
 * const options: HandoffHandlerOptions = {
 *   client: createServerClient({ baseUrl, clientId, privateKey }),
 *   // { userId, credentialType } from your session, or null
 *   getUser: (request) => sessions.fromCookie(request.headers.get("cookie")),
 *   // keeps claims.userId and claims.credential?.type ?? null; a Response that sets your cookie
 *   signIn: (claims) => sessions.start(claims),
 *   sendAddDeviceCode: (user, { code }) => mailer.send(user.username, `Your code: ${code}`),
 * };
 */
export interface HandoffHandlerOptions<Extra = undefined> {
  /** The server SDK client the routes call the service with. */
  client: ServerClient;
  /** Where the routes live. Default: `"/handoff"` (so `POST /handoff/one-time/start`, …). */
  basePath?: string;
  /**
   * Your app's session: who is signed in on this request, or `null`. The routes of the
   * signed-in device (`GET /requests`, `POST /approve`, `POST /deny`) answer `401` without one.
   */
  getUser(request: Request, extra: Extra): SignedInUser | null | Promise<SignedInUser | null>;
  /**
   * Called with the verified claims of the JWT a device sends to `POST /session` at the end of
   * any flow (each token only once); return the response to send, typically `{ ok: true }` with
   * your session cookie set. The JWT was checked (ES256, `iss`, `aud`, `exp`) before.
   */
  signIn(claims: UserTokenClaims, request: Request, extra: Extra): Response | Promise<Response>;
  /**
   * Delivers an add-device code (a `phrase`, already authorized) to the account's owner, e.g. by
   * email. Without it, `POST /add-device/start` answers `404`. It is not called for an unknown
   * or deactivated username, and the route answers `{ sent: true }` at once either way (the code
   * is made and sent after the answer; a failure goes to `onError`). On a runtime that stops
   * work once the response is sent (some edge functions), pass the send to its `waitUntil`.
   */
  sendAddDeviceCode?(user: UserProfile, code: GeneratedCode): Promise<void>;
  /**
   * Add-device mails one username gets per `windowMs`, then `429 too_many_attempts` with
   * `Retry-After`, whoever asks, the same for a username with no account: no inbox is flooded
   * (the owner can still sign in once meanwhile). In memory, per backend instance. Default: 5
   * per 15 minutes. `false`: no limit (put your own in front).
   */
  startLimit?: { max: number; windowMs: number } | false;
  /**
   * Let a session not made with the device's own passkey or device key (`credentialType`
   * `"code"` or `null`) approve other devices. Default: `false`.
   */
  oneTimeSessionsMayApprove?: boolean;
  /** Errors the routes could not answer with a precise code (reported, then `502`). Default: none. */
  onError?(error: unknown): void;
}
