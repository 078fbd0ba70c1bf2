import { emailSchema } from "@handoff/types";
import type { ServiceContext } from "../context.js";
import type { UserRecord } from "../storage/records.js";

/**
 * Tells the account holder that a passkey was added (NIST SP 800-63B rev 4: notify through
 * another channel when an authenticator is bound), when the username is an email address and
 * mail is on. A failed delivery is logged and never undoes the registration.
 */
export async function notifyPasskeyAdded(context: ServiceContext, user: UserRecord, name: string): Promise<void> {
  const { mailer } = context;
  if (!mailer || !emailSchema.safeParse(user.username).success) return;
  try {
    await mailer.send({
      to: user.username,
      subject: "A passkey was added to your account",
      text: `A passkey named "${name}" was added to your account on ${context.now().toISOString()}.\n\nIf this was not you, contact support and remove it.`,
    });
  } catch (error) {
    context.options.logger({
      level: "warn",
      msg: "passkey notification not sent",
      error: error instanceof Error ? error.message.slice(0, 200) : "unknown",
    });
  }
}
