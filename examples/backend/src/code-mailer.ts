import nodemailer from "nodemailer";
import type { SmtpOptions } from "./backend-options.ts";

/** Sends the add-device security code to the account's email address. */
export interface CodeMailer {
  sendAddDeviceCode(mail: { to: string; code: string; expiresAt: Date }): Promise<void>;
}

/**
 * A {@link CodeMailer} over SMTP with nodemailer. The code goes in the mail only: it is never
 * logged, and never sent to the browser that asked for it (whoever asks must also read the
 * account's mail, seed 003).
 *
 * @example
 * const mailer = createCodeMailer({ host: "127.0.0.1", port: 2525 });
 * await mailer.sendAddDeviceCode({ to: "ada@example.com", code: "mouse132", expiresAt });
 */
export function createCodeMailer(smtp: SmtpOptions = {}): CodeMailer {
  const {
    host = "127.0.0.1",
    port = 2525,
    secure = false,
    from = "Handoff example <no-reply@example.localhost>",
  } = smtp;
  const transport = nodemailer.createTransport({ host, port, secure });
  return {
    async sendAddDeviceCode({ to, code, expiresAt }) {
      const minutes = Math.max(1, Math.round((expiresAt.getTime() - Date.now()) / 60_000));
      await transport.sendMail({
        from,
        to,
        subject: "Your code to add a device",
        text: [
          `Your security code: ${code}`,
          "",
          `Type it on the device you are adding. It works once, for ${minutes} minutes.`,
          "If you did not ask to add a device, ignore this mail: nothing changes without the code.",
        ].join("\n"),
      });
    },
  };
}
