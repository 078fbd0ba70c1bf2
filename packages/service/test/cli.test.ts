import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
});

function run(
  args: string[],
  nodeOptions: string[] = [],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeOptions, cli, ...args]);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function startCli(args: string[]): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "start", ...args]);
    children.push(child);
    let stdout = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      const match = /"msg":"listening","url":"([^"]+)"/.exec(stdout);
      if (match) resolve({ child, url: match[1] as string, output: () => stdout });
    });
    child.on("close", (code) => reject(new Error(`exited ${code}: ${stdout}`)));
  });
}

describe("handoff-service CLI", () => {
  const db = join(mkdtempSync(join(tmpdir(), "handoff-cli-")), "handoff.db");

  it("create-client --json prints the client id and a private key", async () => {
    const { code, stdout } = await run([
      "create-client",
      "--db",
      db,
      "--name",
      "demo",
      "--origin",
      "http://localhost:5173",
      "--json",
    ]);
    expect(code).toBe(0);
    const client = JSON.parse(stdout) as Record<string, unknown>;
    expect(client.client_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(client.private_key_jwk).toMatchObject({ kty: "EC", crv: "P-256" });
    expect(client.private_key_pem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });

  it("start serves the database the client was created in, and stops cleanly on SIGTERM", async () => {
    const { child, url } = await startCli(["--port", "0", "--db", db]);
    expect((await fetch(`${url}/health`)).status).toBe(200);
    const preflight = await fetch(`${url}/api/native/authenticate/code/wait`, {
      method: "OPTIONS",
      headers: { origin: "http://localhost:5173", "access-control-request-method": "POST" },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    const exited = new Promise((resolve) => child.on("close", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it("create-client --verification-uri lets the client use the OAuth device grant", async () => {
    const created = await run([
      "create-client",
      "--db",
      db,
      "--name",
      "tv app",
      "--verification-uri",
      "https://app.example/device",
      "--json",
    ]);
    expect(created.code).toBe(0);
    const clientId = String((JSON.parse(created.stdout) as Record<string, unknown>).client_id);
    const { child, url } = await startCli(["--port", "0", "--db", db]);
    const started = await fetch(`${url}/oauth/device_authorization`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ client_id: clientId }).toString(),
    });
    expect(await started.json()).toMatchObject({ verification_uri: "https://app.example/device" });
    const exited = new Promise((resolve) => child.on("close", resolve));
    child.kill("SIGTERM");
    await exited;
    const insecure = await run([
      "create-client",
      "--db",
      db,
      "--name",
      "x",
      "--verification-uri",
      "http://app.example/",
    ]);
    expect(insecure.code).toBe(2);
    expect(insecure.stderr).toMatch(/verificationUri must be https/);
  });

  it("prints mail with --dev-outbox, and warns that it is for development only", async () => {
    const { url, output } = await startCli(["--port", "0", "--db", db, "--dev-outbox"]);
    expect(output()).toMatch(/"level":"warn","msg":"dev outbox: [^"]*for development only/);
    await fetch(`${url}/pwless/signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "dev@example.com" }),
    });
    await expect.poll(output, { timeout: 3000 }).toMatch(/dev outbox \(not sent\) ── to dev@example.com/);
  });

  it.each([
    [["frobnicate"], /unknown command "frobnicate"/],
    [["create-client", "--db", "x.db"], /--name is required/],
    [["create-client", "--name", "x", "--private-key-jwt"], /--private-key-jwt needs --verification-uri/],
    [["start", "--port", "abc"], /--port must be a non-negative integer/],
    [["start", "--bogus"], /Unknown option '--bogus'/],
  ])("usage errors exit 2 with a clear message: %j", async (args, message) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it("on an older Node.js, says in one line which Node.js it needs and exits 1", async () => {
    // Node.js 20 as the CLI sees it: process.versions.node is configurable.
    const olderNode = `Object.defineProperty(process.versions, "node", { value: "20.11.0" });`;
    const { code, stdout, stderr } = await run(
      ["create-client", "--name", "demo", "--db", db],
      ["--import", `data:text/javascript,${encodeURIComponent(olderNode)}`],
    );
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^handoff-service needs Node\.js 24\.0\.0 or newer; this is Node\.js 20\.11\.0\.\n$/);
  });

  it("help exits 0 and lists the commands", async () => {
    const { code, stdout } = await run(["help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/handoff-service start/);
    expect(stdout).toMatch(/create-client/);
    for (const flag of ["--smtp-secure", "--smtp-insecure-localhost", "--dev-outbox"]) expect(stdout).toContain(flag);
  });
});
