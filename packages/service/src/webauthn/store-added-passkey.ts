import type { ServiceContext } from "../context.js";
import { verifyAccount } from "../device-keys/accounts.js";
import { fail } from "../http/fail.js";
import type { CodeRecord, RevokedCredential, UserRecord, WebAuthnCredentialRecord } from "../storage/records.js";
import { passkeyExists } from "./registration.js";

/**
 * Stores a passkey added with `code`. An emailed security code proves the address: an account
 * nobody had proved it for is verified first, losing every way in from before
 * ([security model: accounts](../../../../docs/security.md#accounts)); returns what it lost. Any
 * other code counts only while no proof came after it was made.
 */
export async function storeAddedPasskey(
  context: ServiceContext,
  user: UserRecord,
  passkey: WebAuthnCredentialRecord,
  code: CodeRecord,
): Promise<RevokedCredential[]> {
  if (code.provesEmail && user.verifiedAt === null) {
    const revoked = await verifyAccount(context, user);
    // This request is the proof: its passkey is the first of the verified account.
    if (!(await context.storage.credentials.insertPasskey(passkey))) throw passkeyExists();
    return revoked;
  }
  switch (await context.storage.credentials.insertPasskeyWithCode(passkey, code.createdAt)) {
    case "credential_exists":
      throw passkeyExists();
    case "superseded": // the owner proved the email after this code was made
      throw fail("invalid_code");
    case "inserted":
      return [];
  }
}

/**
 * Stores a passkey the user's backend allowed at `grantedAt` (`…/fido2/init/force`), atomically
 * with respect to a proof of the email as for a code: a proof after the grant ends it (the proof
 * revokes everything the account had; [security model: accounts](../../../../docs/security.md#accounts)),
 * and so does the user's deletion.
 *
 * @throws `verification_failed` (already registered), `invalid_challenge` (grant superseded, user gone).
 */
export async function storeForcedPasskey(
  context: ServiceContext,
  passkey: WebAuthnCredentialRecord,
  grantedAt: Date,
): Promise<void> {
  switch (await context.storage.credentials.insertPasskeyWithCode(passkey, grantedAt)) {
    case "credential_exists":
      throw passkeyExists();
    case "superseded":
      throw fail("invalid_challenge", "The account changed since this ceremony started; start again.");
    case "inserted":
      return;
  }
}
