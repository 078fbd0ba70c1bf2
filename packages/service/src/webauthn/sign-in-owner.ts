import type { AuthenticateCompleteRequest } from "@handoff/types";
import type { ServiceContext } from "../context.js";
import { fail } from "../http/fail.js";
import type { ChallengeRecord, ClientRecord, UserRecord, WebAuthnCredentialRecord } from "../storage/records.js";

/** The user a sign-in assertion is for, and the stored passkey that must verify it. */
export interface SignInOwner {
  user: UserRecord;
  stored: WebAuthnCredentialRecord;
}

/**
 * Finds who a passkey sign-in `complete` signs in, before the signature is checked
 * ([contract: passkeys](../../../../docs/contract.md#passkeys-webauthn)): the owner of the
 * credential the assertion names, in the client's namespace. A named sign-in must be by a passkey
 * of the user `init` found under that username; a username-less one must carry the authenticator's user handle (a discoverable
 * credential always returns it; {@link verifyAuthentication} checks it is the owner's).
 *
 * @throws `credential_not_found` for a credential id no user of this namespace has (never
 * registered, revoked, or its user deleted): the same answer whoever asks, so it says nothing
 * about any username. `verification_failed` for a passkey of another user than the one named
 * (an unknown username included), or a username-less assertion without a user handle.
 */
export async function signInOwner(
  context: ServiceContext,
  client: ClientRecord,
  record: ChallengeRecord,
  body: AuthenticateCompleteRequest,
): Promise<SignInOwner> {
  const stored = await context.storage.credentials.getPasskey(body.credential.id);
  const user = stored && (await context.storage.users.getById(client.namespaceId, stored.userId));
  if (!stored || !user) throw fail("credential_not_found", "No account has this passkey.");
  if (body.username === undefined) {
    if (body.credential.response.userHandle === undefined) {
      throw fail("verification_failed", "A username-less sign-in needs the passkey's user handle.");
    }
    return { user, stored };
  }
  // A named challenge without a user was issued to a username nobody had: no passkey is its user's.
  if (record.userId === null || user.id !== record.userId) {
    throw fail("verification_failed", "This passkey is not registered for this account.");
  }
  return { user, stored };
}
