import { emailSchema } from "@handoff/types";
import type { ServiceContext } from "../context.js";
import { credentialRevokedMail } from "../mail/notices.js";
import type { RevokedCredential, UserRecord } from "../storage/records.js";

/**
 * Tells the account holder that a passkey or device key was revoked (NIST SP 800-63B rev 4:
 * notify through another channel when an authenticator is removed), when the username is an
 * email address and mail is on. A failed delivery is logged and never undoes the revoke.
 */
export async function notifyCredentialRevoked(
  context: ServiceContext,
  user: UserRecord,
  revoked: RevokedCredential,
): Promise<void> {
  const { mailer } = context;
  if (!mailer || !emailSchema.safeParse(user.username).success) return;
  try {
    await mailer.send(credentialRevokedMail(user.username, revoked, context.now()));
  } catch (error) {
    context.options.logger({
      level: "warn",
      msg: "credential revoked notification not sent",
      error: error instanceof Error ? error.message.slice(0, 200) : "unknown",
    });
  }
}
