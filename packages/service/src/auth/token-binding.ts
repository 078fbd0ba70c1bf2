import { fail } from "../http/fail.js";
import type { UserRecord } from "../storage/records.js";
import type { VerifiedServiceToken } from "./verify-service-token.js";

/** Throws `403 forbidden` unless the token was signed by the client the request names. */
export function checkTokenClient(token: VerifiedServiceToken, clientId: string): void {
  if (clientId !== token.client.id) throw fail("forbidden", "The service token belongs to another client.");
}

/**
 * Checks that a token bound to a user (by `user_id`, by `username`, or both) acts on that user
 * and no other ([contract: service tokens](../../../../docs/contract.md#service-tokens)). The
 * claim is compared with the user the request acts on, whichever way the request names it: a
 * token bound by `username` is refused for another user's `user_id`, and one bound by
 * `user_id` for another user's `username`. When the user does not exist, only what the request
 * names can be compared; a claim that cannot be checked against it refuses the request. A token
 * bound to no user (as `@loginid/node-sdk` signs them) may act on any user of its client.
 *
 * @param target the user the request acts on, or what the request names when there is no such user.
 * @throws `403 forbidden` when the token names another user, or a user that cannot be checked.
 */
export function checkTokenUser(
  token: VerifiedServiceToken,
  target: UserRecord | { id?: string; username?: string },
): void {
  const { user_id: userId, username } = token.claims;
  const refused = () => fail("forbidden", "The service token is bound to another user.");
  if (userId !== undefined && target.id !== userId) throw refused();
  if (username !== undefined && target.username !== username) throw refused();
}
