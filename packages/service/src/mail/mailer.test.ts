import { afterAll, describe, expect, it } from "vitest";
import { startPlainSmtpServer } from "../../test/plain-smtp-server.js";
import { createOutboxMailer, createSmtpMailer } from "./mailer.js";

describe("createSmtpMailer", async () => {
  const server = await startPlainSmtpServer();
  afterAll(() => server.close());
  const mail = { to: "alice@example.com", subject: "Your security code", text: "mouse132" };

  it("requires TLS by default: a server without STARTTLS gets nothing", async () => {
    const mailer = createSmtpMailer({ host: "127.0.0.1", port: server.port, from: "handoff@example.com" });
    await expect(mailer.send(mail)).rejects.toThrow(/STARTTLS/);
    expect(server.received).toHaveLength(0);
  });

  it("delivers in plain text with insecureLocalhost", async () => {
    const mailer = createSmtpMailer({
      host: "127.0.0.1",
      port: server.port,
      from: "handoff@example.com",
      insecureLocalhost: true,
    });
    await mailer.send(mail);
    expect(server.received).toHaveLength(1);
    expect(server.received[0]).toMatchObject({ from: "handoff@example.com", to: ["alice@example.com"] });
    expect(server.received[0]?.data).toContain("Subject: Your security code");
    expect(server.received[0]?.data).toContain("mouse132");
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
