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
