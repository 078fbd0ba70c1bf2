import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { renderInboxPage } from "./inbox-page.ts";
import { type ReceivedMail, readMail } from "./received-mail.ts";

/** Options of {@link startDevInbox}. */
export interface DevInboxOptions {
  /** SMTP port; `0` picks a free one. Default: 2525. */
  smtpPort?: number;
  /** Port of the inbox page and `/api/mails`; `0` picks a free one. Default: 8025. */
  httpPort?: number;
  /** Interface both servers listen on. Default: `"127.0.0.1"` (never reachable from outside). */
  hostname?: string;
  /** Mails kept; older ones are dropped. Default: 200. */
  maxMails?: number;
}

/** A running dev inbox. */
export interface DevInbox {
  /** The SMTP port to send to (no TLS, no authentication). */
  readonly smtpPort: number;
  /** The inbox page, e.g. `http://127.0.0.1:8025`; `${url}/api/mails` lists the mails as JSON. */
  readonly url: string;
  /** The mails received, newest first. */
  readonly mails: readonly ReceivedMail[];
  /** Stops both servers. */
  close(): Promise<void>;
}

function listen(server: Server | SMTPServer, port: number, hostname: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const net = server instanceof SMTPServer ? server.server : server;
    net.once("error", reject);
    server.listen(port, hostname, () => resolve((net.address() as AddressInfo).port));
  });
}

/**
 * Starts a local SMTP server that accepts every mail, and a page listing them. For development
 * and tests only: no TLS, no authentication, everything in memory.
 *
 * @example
 * const inbox = await startDevInbox({ smtpPort: 0, httpPort: 0 });
 * // send mail to 127.0.0.1:inbox.smtpPort, then:
 * const mails = await (await fetch(`${inbox.url}/api/mails`)).json();
 * await inbox.close();
 */
export async function startDevInbox(options: DevInboxOptions = {}): Promise<DevInbox> {
  const { smtpPort = 2525, httpPort = 8025, hostname = "127.0.0.1", maxMails = 200 } = options;
  const mails: ReceivedMail[] = [];

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    banner: "Handoff dev inbox",
    size: 1024 * 1024,
    logger: false,
    onData(stream, session, done) {
      const envelope = {
        from: session.envelope.mailFrom === false ? "" : session.envelope.mailFrom.address,
        to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
      };
      readMail(stream, envelope).then((mail) => {
        mails.unshift(mail);
        mails.length = Math.min(mails.length, maxMails);
        done();
      }, done);
    },
  });

  const http = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://inbox").pathname;
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    if (request.method !== "GET") {
      response.writeHead(405, { Allow: "GET" }).end();
    } else if (path === "/api/mails") {
      response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ mails }));
    } else if (path === "/") {
      response
        .writeHead(200, {
          "Content-Type": "text/html; charset=utf-8",
          "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
        })
        .end(renderInboxPage(mails));
    } else {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
    }
  });

  const boundSmtpPort = await listen(smtp, smtpPort, hostname);
  let boundHttpPort: number;
  try {
    boundHttpPort = await listen(http, httpPort, hostname);
  } catch (error) {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    throw error;
  }

  let closed: Promise<void> | undefined;
  return {
    smtpPort: boundSmtpPort,
    url: `http://${hostname}:${boundHttpPort}`,
    mails,
    close() {
      closed ??= Promise.all([
        new Promise<void>((resolve) => smtp.close(() => resolve())),
        new Promise<void>((resolve) => {
          http.close(() => resolve());
          http.closeAllConnections();
        }),
      ]).then(() => undefined);
      return closed;
    },
  };
}
