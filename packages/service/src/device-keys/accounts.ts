import type { ServiceContext } from "../context.js";
import { fail } from "../http/fail.js";
import { assertOriginAllowed } from "../http/middleware.js";
import type { ClientRecord, RevokedCredential, UserRecord } from "../storage/records.js";

/**
 * The client a `/pwless` call is for: `client_id` when given, else the default client (the
 * first one created). A browser's `Origin` must be allowed for it.
 *
 * @throws `invalid_request` for an unknown `client_id` (or no client at all),
 * `origin_not_allowed` for a browser origin the client does not list.
 */
export async function resolvePwlessClient(
  context: ServiceContext,
  clientId: string | undefined,
  origin: string | undefined,
): Promise<ClientRecord> {
  const client =
    clientId === undefined ? (await context.storage.clients.list())[0] : await context.storage.clients.get(clientId);
  if (!client)
    throw fail("invalid_request", clientId === undefined ? "No client is configured." : "Unknown client_id.");
  assertOriginAllowed(origin, client.origins);
  return client;
}

/** The email as the add-device flow keys it: lower case. */
export function canonicalEmail(email: string): string {
  return email.toLowerCase();
}

/** Finds the user of an email: the username exactly as given, else lower-cased. */
export async function findUserByEmail(
  context: ServiceContext,
  client: ClientRecord,
  email: string,
): Promise<UserRecord | undefined> {
  const exact = await context.storage.users.getByName(client.namespaceId, email);
  if (exact || canonicalEmail(email) === email) return exact;
  return context.storage.users.getByName(client.namespaceId, canonicalEmail(email));
}

/**
 * Who the security code of an email without an account is bound to until the account is
 * created. It can never collide with a user id (those are UUIDs).
 */
export function pendingSubject(email: string): string {
  return `pending-email:${canonicalEmail(email)}`;
}

/**
 * Who the emailed code of `email` is bound to: the account, or the email's pending subject while
 * there is no account — or while the only account is an unverified one someone made by passkey
 * sign-up after the code was sent (the owner's code must still work, and verify it).
 */
export async function emailCodeSubject(
  context: ServiceContext,
  clientId: string,
  email: string,
  existing: UserRecord | undefined,
): Promise<string> {
  const pending = pendingSubject(email);
  if (existing === undefined) return pending;
  if (existing.verifiedAt !== null) return existing.id;
  const pendingCodes = await context.storage.codes.list({
    clientId,
    userId: pending,
    type: "phrase",
    purpose: "add_credential",
  });
  return pendingCodes.length > 0 ? pending : existing.id;
}

/**
 * The account of an email whose owner has just proved it with a security code: a new one,
 * verified from the start, or the one a concurrent request created first.
 */
export async function createEmailAccount(
  context: ServiceContext,
  namespaceId: string,
  email: string,
): Promise<UserRecord> {
  const now = context.now();
  const user: UserRecord = { id: crypto.randomUUID(), namespaceId, username: email, createdAt: now, verifiedAt: now };
  if (await context.storage.users.insert(user)) return user;
  const existing = await context.storage.users.getByName(namespaceId, email);
  if (!existing) throw new Error("user neither inserted nor found");
  return existing;
}

/**
 * Verifies an account its owner has just proved the email of: every credential registered
 * before the proof is revoked and the codes it deletes stop their waits
 * ([security model: accounts](../../../../docs/security.md#accounts)). Returns what was revoked,
 * to tell the owner.
 */
export async function verifyAccount(context: ServiceContext, user: UserRecord): Promise<RevokedCredential[]> {
  const verification = await context.storage.users.verify(user.id, context.now());
  for (const id of verification?.deletedCodes ?? []) context.waits.publish(id, "invalidated");
  return verification?.revoked ?? [];
}
