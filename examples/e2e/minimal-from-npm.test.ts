// The quickstart as a new user follows it: the four packages packed as npm would serve them
// (`pnpm pack` rewrites `workspace:*`), examples/minimal copied outside the repository and
// installed with npm, the quickstart's commands (create-client, start --dev-outbox, npm start),
// and two Chromium devices: A adds itself with the mailed code, B uses itself once and A
// approves it. Needs the packages built (`pnpm test:all` builds them first) and the npm registry.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { promisify } from "node:util";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeDevices, launchChromium, openDevice, USER_AGENTS } from "./devices.ts";
import { freePort } from "./free-port.ts";

const repo = join(import.meta.dirname, "..", "..");
const PACKAGES = ["types", "server", "browser", "service"];
/**
 * The environment of every command: this test's Node (24) first on PATH, so `node` and npm's
 * scripts run on it; without the settings pnpm passes its scripts, which npm does not know.
 */
const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(npm_|pnpm_)/i.test(name))),
  PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH}`,
};
const run = promisify(execFile);

/** A process started for the test: its output so far, and a wait for a line in it. */
interface Started {
  output(): string;
  waitFor(pattern: RegExp, after?: number): Promise<RegExpMatchArray>;
}

const children: ChildProcess[] = [];

/** Starts a command in its own process group (npm and npx start children), collecting its output. */
function start(command: string, args: string[], cwd: string, extraEnv: Record<string, string> = {}): Started {
  const child = spawn(command, args, { cwd, env: { ...env, ...extraEnv }, detached: true });
  children.push(child);
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  return {
    output: () => output,
    async waitFor(pattern, after = 0) {
      for (let attempt = 0; attempt < 300; attempt += 1) {
        const match = output.slice(after).match(pattern);
        if (match) return match;
        if (child.exitCode !== null) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`${command} ${args.join(" ")}: no ${pattern} in its output:\n${output}`);
    },
  };
}

/** Whether any process of the group `pid` leads is still running. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops every process group the test started and waits until none of their processes is left
 * (the service writes its database as it closes: the folder is removed only after).
 */
async function stopAll(): Promise<void> {
  await Promise.all(
    children.map(async ({ pid }) => {
      if (pid === undefined || !groupAlive(pid)) return;
      process.kill(-pid, "SIGTERM");
      for (let waited = 0; waited < 50 && groupAlive(pid); waited += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      if (groupAlive(pid)) process.kill(-pid, "SIGKILL");
    }),
  );
}

let work: string;
let app: string;

describe("examples/minimal installed from packed tarballs", () => {
  beforeAll(async () => {
    for (const name of PACKAGES) {
      if (!existsSync(join(repo, "packages", name, "dist")))
        throw new Error(`packages/${name} is not built: pnpm build`);
    }
    work = mkdtempSync(join(tmpdir(), "handoff-minimal-"));
    const tarballs = join(work, "tarballs");
    mkdirSync(tarballs);
    for (const name of PACKAGES) {
      await run("npx", ["--yes", "pnpm@10.34.9", "pack", "--pack-destination", tarballs], {
        cwd: join(repo, "packages", name),
        env,
      });
    }
    // The example as someone copies it: its own files, without what a local run left behind.
    app = join(work, "app");
    mkdirSync(app);
    for (const file of ["package.json", "server.ts", "index.html"]) {
      cpSync(join(repo, "examples", "minimal", file), join(app, file));
    }
    // Its @handoff/* dependencies (and theirs on @handoff/types) from the tarballs, the rest from npm.
    const manifest = JSON.parse(readFileSync(join(app, "package.json"), "utf8"));
    for (const tarball of readdirSync(tarballs)) {
      const name = `@handoff/${tarball.match(/^handoff-(\w+)-/)?.[1]}`;
      manifest.dependencies[name] = `file:${join(tarballs, tarball)}`;
    }
    writeFileSync(join(app, "package.json"), JSON.stringify(manifest, null, 2));
    await run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: app, env, timeout: 180_000 });
  }, 220_000);

  afterAll(async () => {
    await stopAll();
    if (work) rmSync(work, { recursive: true, force: true, maxRetries: 5 });
  });

  it("adds device A with the mailed code, signs B in once when A approves its code", async () => {
    const port = await freePort();
    const origin = `http://localhost:${port}`;
    const created = await run(
      "npx",
      [
        "--no",
        "handoff-service",
        "create-client",
        "--db",
        "./handoff.db",
        "--name",
        "my-app",
        "--origin",
        origin,
        "--json",
      ],
      { cwd: app, env },
    );
    const client = JSON.parse(created.stdout) as { client_id: string; private_key_pem: string };

    const service = start(
      "npx",
      ["--no", "handoff-service", "start", "--db", "./handoff.db", "--dev-outbox", "--port", "0"],
      app,
    );
    const [, serviceUrl = ""] = await service.waitFor(/"msg":"listening","url":"([^"]+)"/);
    const backend = start("npm", ["start"], app, {
      HANDOFF_URL: serviceUrl,
      HANDOFF_CLIENT_ID: client.client_id,
      HANDOFF_PRIVATE_KEY_PEM: client.private_key_pem,
      PORT: String(port),
    });
    await backend.waitFor(/Open http:\/\/localhost:\d+/);

    const username = "ada@example.com";
    const pageErrors: string[] = [];
    const browser: Browser = await launchChromium();
    let a: Page | undefined;
    let b: Page | undefined;
    try {
      a = await openDevice(browser, origin, { userAgent: USER_AGENTS.a, webauthn: true });
      b = await openDevice(browser, origin, { userAgent: USER_AGENTS.b, webauthn: true });
      for (const page of [a, b]) page.on("pageerror", (error) => pageErrors.push(error.message));

      // A: add this device, with the code the service's dev outbox printed.
      const mailed = service.output().length;
      await a.getByLabel("Email", { exact: true }).fill(username);
      await a.getByRole("button", { name: "Add this device" }).click();
      const [, code = ""] = await service.waitFor(/Your security code is: (\S+)/, mailed);
      await a.getByLabel("Code from the email").fill(code);
      await a.getByRole("button", { name: "Create a passkey" }).click();
      await a.getByRole("heading", { name: `Signed in as ${username}` }).waitFor();

      // A again, signed out: its passkey signs it in.
      await a.context().clearCookies();
      await a.reload();
      await a.getByLabel("Email", { exact: true }).fill(username);
      await a.getByRole("button", { name: "Sign in with a passkey" }).click();
      await a.getByRole("heading", { name: `Signed in as ${username}` }).waitFor();

      // B has no passkey; it asks to be let in once, cancels, asks again.
      await b.getByLabel("Email", { exact: true }).fill(username);
      await b.getByRole("button", { name: "Sign in with a passkey" }).click();
      await b.getByText("No passkey for this account here").waitFor();
      await b.getByRole("button", { name: "Use this device once" }).click();
      await b.locator("#code").filter({ hasText: /\S/ }).waitFor();
      await b.getByRole("button", { name: "Cancel" }).click();
      await b.getByRole("heading", { name: "Sign in" }).waitFor();
      await b.getByRole("button", { name: "Use this device once" }).click();
      await b.getByRole("heading", { name: "Waiting for approval" }).waitFor();
      const oneTimeCode = (await b.locator("#code").textContent()) ?? "";

      // A approves the code B shows; B's wait returns and B is signed in.
      await a.getByLabel("Code shown on the new device").fill(oneTimeCode);
      await a.getByRole("button", { name: "Approve" }).click();
      await b.getByRole("heading", { name: `Signed in as ${username}` }).waitFor();
      expect(await b.evaluate(async () => (await fetch("/api/me")).json())).toEqual({ username });
      expect(pageErrors).toEqual([]);
    } catch (error) {
      console.error(await describeDevices({ a, b }));
      console.error(`--- service:\n${service.output()}\n--- npm start:\n${backend.output()}`);
      throw error;
    } finally {
      await browser.close();
    }
  }, 120_000);
});
