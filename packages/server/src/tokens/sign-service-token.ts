import { JWT_ALGORITHM, type Scope } from "@handoff/types/core";
import { loadJose } from "../internal/lazy.js";

/**
 * What a service token is about.
 *
 * @example
 * const options: ServiceTokenOptions = { clientId, scope: "codes.authorize", userId };
 */
export interface ServiceTokenOptions {
  /** The client the backend acts for. */
  clientId: string;
  /** The endpoint's scope. */
  scope: Scope;
  /** The user the call is about, when it is about one user by id. */
  userId?: string;
  /** The user the call is about, when it is about one user by name. */
  username?: string;
  /** Lifetime in seconds. Default: 60. */
  expiresInSeconds?: number;
  /** Clock, for tests. Default: `Date.now`. */
  now?: () => number;
}

/**
 * Signs a short-lived ES256 service token: claims `client_id`, `type` (the scope), a fresh
 * random `nonce`, `iat`, `exp`, and `user_id` / `username` when given.
 *
 * @example
 * const token = await signServiceToken(key, { clientId, scope: "codes.generate", userId });
 * await fetch(url, { headers: { authorization: `Bearer ${token}` } });
 */
export async function signServiceToken(privateKey: CryptoKey, options: ServiceTokenOptions): Promise<string> {
  const { clientId, scope, userId, username, expiresInSeconds = 60, now = Date.now } = options;
  const { base64url, SignJWT } = await loadJose();
  const issuedAt = Math.floor(now() / 1000);
  const nonce = base64url.encode(crypto.getRandomValues(new Uint8Array(16)));
  return new SignJWT({
    client_id: clientId,
    type: scope,
    nonce,
    ...(userId === undefined ? {} : { user_id: userId }),
    ...(username === undefined ? {} : { username }),
  })
    .setProtectedHeader({ alg: JWT_ALGORITHM, typ: "JWT" })
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + expiresInSeconds)
    .sign(privateKey);
}
