import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, describe, expect, it } from "vitest";
import { createOutboxMailer, createSmtpMailer } from "./mailer.js";

describe("createSmtpMailer", async () => {
  const received: { from: string; to: string[]; data: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
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
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("delivers over real SMTP", async () => {
    const mailer = createSmtpMailer({ host: "127.0.0.1", port, from: "handoff@example.com", secure: false });
    await mailer.send({ to: "alice@example.com", subject: "Your security code", text: "mouse132" });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ from: "handoff@example.com", to: ["alice@example.com"] });
    expect(received[0]?.data).toContain("Subject: Your security code");
    expect(received[0]?.data).toContain("mouse132");
  });
});

describe("createOutboxMailer", () => {
  it("keeps mail newest last and reports each one", async () => {
    const seen: string[] = [];
    const mailer = createOutboxMailer((mail) => seen.push(mail.to));
    await mailer.send({ to: "a@example.com", subject: "s", text: "t" });
    await mailer.send({ to: "b@example.com", subject: "s", text: "t" });
    expect(mailer.outbox.map((mail) => mail.to)).toEqual(["a@example.com", "b@example.com"]);
    expect(seen).toEqual(["a@example.com", "b@example.com"]);
  });
});
