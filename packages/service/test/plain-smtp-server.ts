import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** A mail as the SMTP server received it. */
export interface ReceivedSmtpMail {
  from: string;
  to: string[];
  /** The raw message, headers and body. */
  data: string;
}

/** A local SMTP server without STARTTLS (plain text only), and what it received. */
export interface PlainSmtpServer {
  port: number;
  received: ReceivedSmtpMail[];
  close(): Promise<void>;
}

/** Starts an SMTP server on 127.0.0.1 that accepts every mail and never offers STARTTLS. */
export async function startPlainSmtpServer(): Promise<PlainSmtpServer> {
  const received: ReceivedSmtpMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let data = "";
      stream.on("data", (chunk: Buffer) => (data += chunk.toString()));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom === false ? "" : session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          data,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
