import nodemailer from "nodemailer";
import type { SmtpOptions } from "./smtp-options.js";

/** One email. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** A mail kept by the outbox, with when it was sent. */
export interface OutboxMail extends Mail {
  sentAt: Date;
}

/** Sends mail. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
  /** Mail kept in memory by the dev outbox (newest last); always empty over SMTP. */
  readonly outbox: readonly OutboxMail[];
}

/** A mailer that keeps mail in memory instead of sending it: the dev outbox, and what tests read. */
export function createOutboxMailer(onMail: (mail: OutboxMail) => void = () => {}): Mailer {
  const outbox: OutboxMail[] = [];
  return {
    outbox,
    async send(mail) {
      const kept = { ...mail, sentAt: new Date() };
      outbox.push(kept);
      if (outbox.length > 1000) outbox.shift();
      onMail(kept);
    },
  };
}

/**
 * A mailer that delivers over SMTP with nodemailer, over TLS: implicit with `secure`, else
 * STARTTLS is required. With `insecureLocalhost` (a loopback relay, checked by the options) it
 * sends in plain text and never tries STARTTLS.
 */
export function createSmtpMailer(smtp: SmtpOptions): Mailer {
  const secure = smtp.secure ?? false;
  const plain = smtp.insecureLocalhost ?? false;
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure,
    requireTLS: !secure && !plain,
    ignoreTLS: plain,
    ...(smtp.user === undefined ? {} : { auth: { user: smtp.user, pass: smtp.password ?? "" } }),
  });
  return {
    outbox: [],
    async send(mail) {
      await transport.sendMail({ from: smtp.from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}
