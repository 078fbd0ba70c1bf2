import { checkTokenClient, checkTokenUser } from "../auth/token-binding.js";
import type { VerifiedServiceToken } from "../auth/verify-service-token.js";
import type { ServiceContext } from "../context.js";
import { fail } from "../http/fail.js";
import type { UserRecord } from "../storage/records.js";

/**
 * Resolves the user a credential endpoint's request names, by id in the token client's
 * namespace, after checking the verified token against the request: the client it names (the
 * body's `client_id` or the `X-Client-ID` header; `undefined` when it names none) and the user
 * the token is bound to, if any.
 *
 * @throws `403 forbidden` or `404 user_not_found`.
 */
export async function resolveCredentialOwner(
  context: ServiceContext,
  token: VerifiedServiceToken,
  request: { clientId: string | undefined; userId: string },
): Promise<UserRecord> {
  if (request.clientId !== undefined) checkTokenClient(token, request.clientId);
  const user = await context.storage.users.getById(token.client.namespaceId, request.userId);
  checkTokenUser(token, user ?? { id: request.userId });
  if (!user) throw fail("user_not_found", "No user with this id.");
  return user;
}
