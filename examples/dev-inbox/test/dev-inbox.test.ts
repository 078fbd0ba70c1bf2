import nodemailer from "nodemailer";
import { afterAll, describe, expect, it } from "vitest";
import { escapeHtml, renderInboxPage } from "../src/inbox-page.ts";
import { startDevInbox } from "../src/index.ts";

describe("dev inbox", async () => {
  const inbox = await startDevInbox({ smtpPort: 0, httpPort: 0 });
  afterAll(() => inbox.close());
  const transport = nodemailer.createTransport({ host: "127.0.0.1", port: inbox.smtpPort, secure: false });

  it("lists mails received over SMTP, newest first, decoded", async () => {
    await transport.sendMail({ from: "a@example.com", to: "ada@example.com", subject: "First", text: "one" });
    await transport.sendMail({
      from: "a@example.com",
      to: "ada@example.com",
      subject: "Zweite Nachricht ✓",
      text: `Your security code: mouse132\n${"long line ".repeat(20)}`,
    });
    const response = await fetch(`${inbox.url}/api/mails`);
    const { mails } = (await response.json()) as { mails: { subject: string; text: string; to: string[] }[] };
    expect(mails.map((mail) => mail.subject)).toEqual(["Zweite Nachricht ✓", "First"]);
    expect(mails[0]?.to).toEqual(["ada@example.com"]);
    expect(mails[0]?.text).toContain("Your security code: mouse132\n");
  });

  it("serves a page that escapes mail content and runs no script", async () => {
    await transport.sendMail({
      from: "x@example.com",
      to: "ada@example.com",
      subject: "<script>alert(1)</script>",
      text: "<b>",
    });
    const response = await fetch(inbox.url);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    const page = await response.text();
    expect(page).not.toContain("<script>alert(1)</script>");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("answers 404 and 405 for anything else", async () => {
    expect((await fetch(`${inbox.url}/nope`)).status).toBe(404);
    expect((await fetch(`${inbox.url}/api/mails`, { method: "POST" })).status).toBe(405);
  });
});

describe("renderInboxPage", () => {
  it("says so when there is no mail", () => {
    expect(renderInboxPage([])).toContain("No mail yet");
    expect(escapeHtml(`"'&`)).toBe("&quot;&#39;&amp;");
  });
});
