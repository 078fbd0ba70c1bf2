import type { Readable } from "node:stream";
import { simpleParser } from "mailparser";

/** One mail the dev inbox received, as `/api/mails` lists it. */
export interface ReceivedMail {
  /** A random id. */
  id: string;
  /** The envelope sender (`MAIL FROM`). */
  from: string;
  /** The envelope recipients (`RCPT TO`). */
  to: string[];
  /** The `Subject` header, decoded. */
  subject: string;
  /** The plain-text body, decoded (quoted-printable, base64 and charsets handled by mailparser). */
  text: string;
  /** When it arrived, ISO 8601. */
  receivedAt: string;
}

/** The SMTP envelope of a mail, as smtp-server reports it. */
export interface Envelope {
  from: string;
  to: string[];
}

/**
 * Reads a raw RFC 5322 message from an SMTP `DATA` stream into a {@link ReceivedMail}.
 *
 * @example
 * onData(stream, session, done) {
 *   readMail(stream, { from: "a@example.com", to: ["b@example.com"] }).then(store, done);
 * }
 */
export async function readMail(stream: Readable, envelope: Envelope): Promise<ReceivedMail> {
  const parsed = await simpleParser(stream);
  return {
    id: crypto.randomUUID(),
    from: envelope.from,
    to: envelope.to,
    subject: parsed.subject ?? "(no subject)",
    text: parsed.text ?? "",
    receivedAt: new Date().toISOString(),
  };
}
