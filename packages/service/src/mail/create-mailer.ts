import type { ResolvedOptions } from "../options.js";
import { createOutboxMailer, createSmtpMailer, type Mailer, type OutboxMail } from "./mailer.js";

/** What `/pwless/signup` answers (503 `service_unavailable`) when mail is off. */
export const MAIL_OFF_MESSAGE = "This service has no mail server configured, so it cannot send security codes.";

/**
 * The mailer the options ask for, saying at start how mail goes: SMTP, the dev outbox (a loud
 * warning: codes are kept and printed), or none (`undefined`: the email flows are refused and
 * notifications are not sent).
 */
export function createMailer(options: ResolvedOptions, onOutboxMail?: (mail: OutboxMail) => void): Mailer | undefined {
  if (options.smtp) return createSmtpMailer(options.smtp);
  if (options.devOutbox) {
    options.logger({
      level: "warn",
      msg: "dev outbox: mail is kept in memory and printed, security codes included, instead of being sent; for development only, never in production",
    });
    return createOutboxMailer(onOutboxMail);
  }
  options.logger({
    level: "warn",
    msg: "mail is off: no SMTP configured, so the email flows (add-device security codes, /pwless/signup) are refused and notification mails are not sent; configure SMTP (smtp, --smtp-host) to turn them on, or devOutbox (--dev-outbox) for development",
  });
  return undefined;
}
