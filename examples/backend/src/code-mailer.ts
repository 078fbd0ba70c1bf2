import nodemailer from "nodemailer";
import type { SmtpOptions } from "./backend-options.ts";

/**
 * Why the code is mailed: `"add_device"` (a device of an existing account) or `"sign_up"` (the
 * first passkey of an account just created).
 */
export type CodeMailReason = "add_device" | "sign_up";

/** An add-device security code to mail. */
export interface CodeMail {
  /** The account's email address. */
  to: string;
  /** The authorized `add_credential` phrase code. */
  code: string;
  /** When the code expires. */
  expiresAt: Date;
  /** Why it is mailed (the subject and the words). Default: `"add_device"`. */
  reason?: CodeMailReason;
}

/** Sends the add-device security code to the account's email address. */
export interface CodeMailer {
  sendAddDeviceCode(mail: CodeMail): Promise<void>;
}

/** Subject and the lines after the code, by reason. */
const WORDING: Record<CodeMailReason, { subject: string; use: string; ignore: string }> = {
  add_device: {
    subject: "Your code to add a device",
    use: "Type it on the device you are adding.",
    ignore: "If you did not ask to add a device, ignore this mail: nothing changes without the code.",
  },
  sign_up: {
    subject: "Your code to create your account",
    use: "Type it on the page where you are creating your account: that device then gets its passkey.",
    ignore: "If you did not ask for an account, ignore this mail: nobody can sign in to it without the code.",
  },
};

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
    async sendAddDeviceCode({ to, code, expiresAt, reason = "add_device" }) {
      const minutes = Math.max(1, Math.round((expiresAt.getTime() - Date.now()) / 60_000));
      const wording = WORDING[reason];
      await transport.sendMail({
        from,
        to,
        subject: wording.subject,
        text: [
          `Your security code: ${code}`,
          "",
          `${wording.use} It works once, for ${minutes} minutes.`,
          wording.ignore,
        ].join("\n"),
      });
    },
  };
}
