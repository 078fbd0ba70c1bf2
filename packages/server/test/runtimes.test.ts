/// <reference types="node" />
/**
 * The built SDK outside vitest: in a plain Node process with no polyfills (the oldest supported
 * Node when the machine has it), and bundled into an edge runtime (the Vercel/Next.js Edge VM:
 * only web APIs — fetch, WebCrypto — and no `node:` modules).
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { EdgeVM } from "@edge-runtime/vm";
import { authenticationResponseSchema } from "@handoff/types";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { useService } from "./helpers.js";

const run = promisify(execFile);
const t = await useService();
const purpose = "temporary_authentication";
const dist = fileURLToPath(new URL("../dist/index.js", import.meta.url));
const handlerDist = fileURLToPath(new URL("../dist/handler.js", import.meta.url));

/** Waits on `code` as the new device and returns the JWT. */
async function jwtFor(username: string, code: string): Promise<string> {
  const response = await t.wait(username, code, "short");
  expect(response.status).toBe(200);
  return authenticationResponseSchema.parse(await response.json()).jwt;
}

describe("a plain Node process", () => {
  // The machine's own Node is the oldest we support (20) where it is installed; else this one.
  const node = ["/usr/bin/node", "/usr/local/bin/node"].find(existsSync) ?? process.execPath;

  it("imports the built ESM with no polyfills and runs generate + verify", async () => {
    const username = `plain-${crypto.randomUUID()}@example.com`;
    const script = `
      const { createServerClient } = await import(${JSON.stringify(dist)});
      const handoff = createServerClient(JSON.parse(process.argv[1]));
      const user = await handoff.createUser(${JSON.stringify(username)});
      const { code } = await handoff.generateCode({ userId: user.id, codeType: "short", purpose: "${purpose}", authorize: true });
      console.log(JSON.stringify({ version: process.version, userId: user.id, code }));`;
    const options = JSON.stringify({ baseUrl: t.service.url, clientId: t.clientId, privateKey: t.privateKey });
    const { stdout } = await run(node, ["--input-type=module", "-e", script, options]);
    const result = JSON.parse(stdout) as { version: string; userId: string; code: string };
    expect(result.version).toMatch(/^v\d+\./);
    expect(Number(result.version.slice(1).split(".")[0])).toBeGreaterThanOrEqual(20);
    const jwt = await jwtFor(username, result.code);
    const verify = `
      const { createServerClient } = await import(${JSON.stringify(dist)});
      const claims = await createServerClient(JSON.parse(process.argv[1])).verifyToken(process.argv[2]);
      console.log(claims.userId);`;
    expect((await run(node, ["--input-type=module", "-e", verify, options, jwt])).stdout.trim()).toBe(result.userId);
  });
});

/**
 * An edge VM with `source` bundled for it as an edge function is (web APIs only, `HandoffServer`
 * holding its exports); fails when the bundle needs a `node:` module.
 */
async function edgeVmWith(source: string): Promise<EdgeVM> {
  const bundle = await build({
    stdin: { contents: source, resolveDir: fileURLToPath(new URL(".", import.meta.url)) },
    bundle: true,
    format: "iife",
    globalName: "HandoffServer",
    platform: "browser",
    conditions: ["edge-light", "worker", "browser"],
    write: false,
    logLevel: "silent",
  });
  const code = bundle.outputFiles[0]?.text ?? "";
  expect(code).not.toMatch(/require\(["']node:/);
  const vm = new EdgeVM();
  vm.evaluate(code);
  return vm;
}

describe("an edge runtime (@edge-runtime/vm)", () => {
  it("runs the bundled SDK with only web APIs", async () => {
    const vm = await edgeVmWith(`export * from ${JSON.stringify(dist)};`);
    const username = `edge-${crypto.randomUUID()}@example.com`;
    const options = JSON.stringify({ baseUrl: t.service.url, clientId: t.clientId, privateKey: t.privateKey });
    const generated = JSON.parse(
      await vm.evaluate(`(async () => {
        const handoff = HandoffServer.createServerClient(JSON.parse(${JSON.stringify(options)}));
        const user = await handoff.createUser(${JSON.stringify(username)});
        const { code } = await handoff.generateCode({ userId: user.id, codeType: "short", purpose: "${purpose}", authorize: true });
        return JSON.stringify({ userId: user.id, code });
      })()`),
    ) as { userId: string; code: string };
    const jwt = await jwtFor(username, generated.code);
    const userId = await vm.evaluate(`(async () => {
      const handoff = HandoffServer.createServerClient(JSON.parse(${JSON.stringify(options)}));
      return (await handoff.verifyToken(${JSON.stringify(jwt)})).userId;
    })()`);
    expect(userId).toBe(generated.userId);
  });

  it("runs the bundled route handler (@handoff/server/handler) with only web APIs", async () => {
    const vm = await edgeVmWith(`export { createServerClient } from ${JSON.stringify(dist)};
      export { createHandoffHandler } from ${JSON.stringify(handlerDist)};`);
    const username = `edge-handler-${crypto.randomUUID()}@example.com`;
    await t.handoff.createUser(username);
    const options = JSON.stringify({ baseUrl: t.service.url, clientId: t.clientId, privateKey: t.privateKey });
    const answer = JSON.parse(
      await vm.evaluate(`(async () => {
        const client = HandoffServer.createServerClient(JSON.parse(${JSON.stringify(options)}));
        const handle = HandoffServer.createHandoffHandler({ client, getUser: () => null, signIn: () => new Response("") });
        const response = await handle(new Request("https://app.example/handoff/one-time/start", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ username: ${JSON.stringify(username)} }),
        }), undefined);
        return JSON.stringify({ status: response.status, body: await response.json() });
      })()`),
    ) as { status: number; body: { codeType: string } };
    expect(answer).toMatchObject({ status: 200, body: { codeType: "short" } });
  });
});
