import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { type LogEntry, startService } from "../../src/index.js";
import { addDeviceFlow } from "../device-key-helpers.js";
import { useService } from "../helpers.js";
import { passkeyCalls } from "../passkey-calls.js";
import { startPlainSmtpServer } from "../plain-smtp-server.js";
import { SoftAuthenticator } from "../soft-authenticator.js";

// Issue 14, item 5: without SMTP the service printed every add-device security code among its
// logs and answered 200, so whoever read the logs could add a device to any account.

const MAIL_OFF = {
  code: "service_unavailable",
  message: "This service has no mail server configured, so it cannot send security codes.",
};

/** A service logging into an array, on a SQLite file the test can read. */
async function loggedService(options: Parameters<typeof useService>[0] = {}) {
  const logs: LogEntry[] = [];
  const database = join(mkdtempSync(join(tmpdir(), "handoff-mail-")), "handoff.db");
  const t = await useService({ database, logger: (entry) => logs.push(entry), ...options });
  return { t, logs, database, flow: addDeviceFlow(t) };
}

describe("without SMTP and without devOutbox", async () => {
  const { t, logs, database, flow } = await loggedService({ devOutbox: false });

  it("says at start that the email flows are off and how to turn them on", () => {
    const entry = logs.find((log) => log.msg.startsWith("mail is off"));
    expect(entry?.level).toBe("warn");
    expect(entry?.msg).toMatch(/--smtp-host/);
    expect(entry?.msg).toMatch(/--dev-outbox/);
  });

  it("refuses /pwless/signup with 503 service_unavailable and writes nothing", async () => {
    for (let i = 0; i < 7; i++) {
      const response = await flow.signup("victim@example.com", { client_id: t.clientId });
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual(MAIL_OFF);
    }
    expect(t.service.outbox).toHaveLength(0);
    expect(JSON.stringify(logs)).not.toMatch(/security code is/i);
    const db = new DatabaseSync(database, { readOnly: true });
    try {
      expect(db.prepare("SELECT COUNT(*) AS n FROM codes").get()).toEqual({ n: 0 });
      expect(db.prepare("SELECT COUNT(*) AS n FROM attempts").get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it("still registers passkeys, without a notification mail", async () => {
    const username = `passkey-${crypto.randomUUID()}@example.com`;
    const session = await passkeyCalls(t).signUp(username, new SoftAuthenticator(t.origin));
    expect(session.user.id).toBeTruthy();
    expect(t.service.outbox).toHaveLength(0);
  });
});

describe("with devOutbox", async () => {
  const { logs, flow } = await loggedService({ devOutbox: true });

  it("keeps the security code in the outbox and warns loudly at start", async () => {
    const { code } = await flow.signupAndCode("dev@example.com");
    expect(code).toBeTruthy();
    const warning = logs.find((log) => log.msg.startsWith("dev outbox"));
    expect(warning?.level).toBe("warn");
    expect(warning?.msg).toMatch(/security codes included/);
    expect(warning?.msg).toMatch(/for development only/);
  });
});

describe("mail options that do not agree fail at start", () => {
  const smtp = { host: "mail.example.com", port: 587, from: "handoff@example.com" };
  it.each([
    [{ smtp, devOutbox: true }, /exclude each other/],
    [{ smtp: { ...smtp, insecureLocalhost: true } }, /only allowed for localhost.*mail\.example\.com/],
    [{ smtp: { ...smtp, host: "10.0.0.1", insecureLocalhost: true } }, /only allowed for localhost/],
    [{ smtp: { ...smtp, host: "127.0.0.1", secure: true, insecureLocalhost: true } }, /exclude each other/],
  ])("%j", async (options, message) => {
    await expect(startService({ port: 0, database: ":memory:", logger: false, ...options })).rejects.toThrow(message);
  });
});

describe("over SMTP to a server without STARTTLS", async () => {
  const server = await startPlainSmtpServer();
  afterAll(() => server.close());
  const smtp = { host: "127.0.0.1", port: server.port, from: "handoff@example.com" };

  it("requires TLS by default: nothing is sent and signup answers service_unavailable", async () => {
    const { t, flow } = await loggedService({ smtp });
    const response = await flow.signup("tls@example.com", { client_id: t.clientId });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ code: "service_unavailable" });
    expect(server.received).toHaveLength(0);
  });

  it("delivers in plain text with insecureLocalhost on 127.0.0.1", async () => {
    const { t, flow } = await loggedService({ smtp: { ...smtp, insecureLocalhost: true } });
    const response = await flow.signup("local@example.com", { client_id: t.clientId });
    expect(response.status).toBe(200);
    expect(server.received).toHaveLength(1);
    expect(server.received[0]?.to).toEqual(["local@example.com"]);
    expect(server.received[0]?.data).toMatch(/Your security code is: \S+/);
  });
});

describe("the CLI", () => {
  const cli = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
  const db = join(mkdtempSync(join(tmpdir(), "handoff-mail-cli-")), "handoff.db");
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill("SIGKILL");
  });

  /** Runs `handoff-service start` with `args`; resolves with its output once it listens. */
  function startCli(args: string[]) {
    return new Promise<{ url: string; stdout: () => string; stderr: () => string }>((resolve, reject) => {
      const child = spawn(process.execPath, [cli, "start", "--port", "0", "--db", db, ...args]);
      children.push(child);
      let stdout = "";
      let stderr = "";
      child.stderr.on("data", (chunk) => (stderr += chunk));
      child.stdout.on("data", (chunk) => {
        stdout += chunk;
        const url = /"msg":"listening","url":"([^"]+)"/.exec(stdout)?.[1];
        if (url) resolve({ url, stdout: () => stdout, stderr: () => stderr });
      });
      child.on("close", (code) => reject(new Error(`exited ${code}: ${stdout}${stderr}`)));
    });
  }

  /** Runs the CLI to its end. */
  function run(args: string[]) {
    return new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [cli, ...args]);
      let stderr = "";
      child.stderr.on("data", (chunk) => (stderr += chunk));
      child.on("close", (code) => resolve({ code, stderr }));
    });
  }

  it("without SMTP says the email flows are off, refuses signup, and prints no code", async () => {
    const { url, stdout, stderr } = await startCli([]);
    await expect.poll(stderr).toMatch(/mail is off.*--smtp-host.*--dev-outbox/);
    const response = await fetch(`${url}/pwless/signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "victim@example.com" }),
    });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual(MAIL_OFF);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stdout()).not.toMatch(/Your security code|── dev outbox/);
  });

  it.each([
    [["--smtp-host", "mail.example.com", "--smtp-insecure-localhost"], /only allowed for localhost/],
    [["--smtp-host", "127.0.0.1", "--dev-outbox"], /exclude each other/],
    [["--smtp-insecure-localhost"], /needs --smtp-host/],
  ])("refuses mail options that do not agree with exit 2: %j", async (args, message) => {
    const { code, stderr } = await run(["start", "--port", "0", "--db", db, ...args]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
