import { emailSchema } from "@handoff/types";
import type { ServiceContext } from "../context.js";
import { passkeyAddedMail } from "../mail/notices.js";
import type { RevokedCredential, UserRecord } from "../storage/records.js";

/**
 * Tells the account holder that a passkey was added (NIST SP 800-63B rev 4: notify through
 * another channel when an authenticator is bound), when the username is an email address and
 * mail is on, with what a first proof of the email revoked. A failed delivery is logged and never
 * undoes the registration.
 */
export async function notifyPasskeyAdded(
  context: ServiceContext,
  user: UserRecord,
  name: string,
  revoked: readonly RevokedCredential[] = [],
): Promise<void> {
  const { mailer } = context;
  if (!mailer || !emailSchema.safeParse(user.username).success) return;
  try {
    await mailer.send(passkeyAddedMail(user.username, name, context.now(), revoked));
  } catch (error) {
    context.options.logger({
      level: "warn",
      msg: "passkey notification not sent",
      error: error instanceof Error ? error.message.slice(0, 200) : "unknown",
    });
  }
}
