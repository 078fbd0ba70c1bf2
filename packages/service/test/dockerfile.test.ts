// The Dockerfile at the repository root, checked without Docker: every path it copies from the
// build context exists, and its entrypoint and command, run on the very output its build stage
// makes (`pnpm deploy --legacy --prod`), start a service that answers /health and create clients.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..", "..");
const dockerfile = readFileSync(join(root, "Dockerfile"), "utf8");
const instructions = dockerfile
  .replace(/\\\n/g, " ")
  .split("\n")
  .filter((line) => /^[A-Z]+ /.test(line));

/** The JSON array of the last `ENTRYPOINT` or `CMD`. */
function execForm(keyword: "ENTRYPOINT" | "CMD"): string[] {
  const line = instructions.findLast((candidate) => candidate.startsWith(`${keyword} `));
  if (!line) throw new Error(`no ${keyword} in the Dockerfile`);
  return JSON.parse(line.slice(keyword.length + 1)) as string[];
}

/** pnpm as this test was started (`pnpm exec vitest` sets npm_execpath), else through npx. */
const pnpm = process.env.npm_execpath?.includes("pnpm")
  ? [process.execPath, process.env.npm_execpath]
  : ["npx", "--yes", "pnpm@10.34.9"];

const out = mkdtempSync(join(tmpdir(), "handoff-image-"));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
  rmSync(out, { recursive: true, force: true });
});

describe("Dockerfile", () => {
  it("copies only paths that exist in the build context", () => {
    const copies = instructions.filter((line) => line.startsWith("COPY ") && !line.includes("--from="));
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) {
      const sources = copy.split(/\s+/).slice(1, -1);
      for (const source of sources) expect(existsSync(join(root, source)), `${source} (${copy})`).toBe(true);
    }
  });

  it("runs on Node 24, as a non-root user, with the data on a volume", () => {
    const images = instructions.filter((line) => line.startsWith("FROM ")).map((line) => line.split(/\s+/)[1]);
    expect(images.every((image) => image?.startsWith("node:24"))).toBe(true);
    expect(instructions.findLast((line) => line.startsWith("USER "))).toBe("USER node");
    expect(instructions).toContain("VOLUME /data");
    expect(execForm("CMD")).toEqual(expect.arrayContaining(["--db", "/data/handoff.db", "--host", "0.0.0.0"]));
  });

  it("its entrypoint and command serve /health from the build stage's output", { timeout: 120_000 }, async () => {
    const [command, ...args] = pnpm as [string, ...string[]];
    const deploy = spawnSync(command, [...args, "--filter", "@handoff/service", "deploy", "--legacy", "--prod", out], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, CI: "true" },
    });
    expect(deploy.status, `${deploy.stdout}${deploy.stderr}`).toBe(0);

    const [node, ...entrypoint] = execForm("ENTRYPOINT");
    expect(node).toBe("node");
    // The image's command, on this machine: loopback instead of every interface, a free port, a
    // temporary database instead of the volume's.
    const cmd = execForm("CMD").map((arg) =>
      arg === "0.0.0.0"
        ? "127.0.0.1"
        : arg === "8787"
          ? "0"
          : arg === "/data/handoff.db"
            ? join(out, "handoff.db")
            : arg,
    );
    const created = spawnSync(
      process.execPath,
      [...entrypoint, "create-client", "--db", join(out, "handoff.db"), "--name", "image", "--json"],
      { cwd: out, encoding: "utf8" },
    );
    expect(created.status, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout)).toHaveProperty("client_id");

    const child = spawn(process.execPath, [...entrypoint, ...cmd], { cwd: out });
    children.push(child);
    const url = await new Promise<string>((resolve, reject) => {
      let stdout = "";
      child.stdout?.on("data", (chunk) => {
        stdout += chunk;
        const match = /"msg":"listening","url":"([^"]+)"/.exec(stdout);
        if (match) resolve(match[1] as string);
      });
      child.on("close", (code) => reject(new Error(`exited ${code}: ${stdout}`)));
    });
    expect(await (await fetch(`${url}/health`)).json()).toEqual({ status: "ok" });
  });
});
