// Importing the SDK evaluates none of its heavy dependencies (issue 17, goal 3: a cold start of
// a serverless function pays for what it calls): jose, ky and zod load on the first call.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/** The files a fresh Node process loads to import (or require) `entry`, in order. */
function filesLoadedBy(entry: string, how: "import" | "require"): string[] {
  const script = `
    import { registerHooks } from "node:module";
    import { createRequire } from "node:module";
    const loaded = [];
    registerHooks({ load(url, context, next) { loaded.push(url); return next(url, context); } });
    ${how === "import" ? `await import(${JSON.stringify(entry)});` : `createRequire(import.meta.url)(${JSON.stringify(entry)});`}
    process.stdout.write(JSON.stringify(loaded));`;
  return JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }));
}

describe("a cold import of @handoff/server", () => {
  const heavy = /\/node_modules\/(\.pnpm\/)?(jose|ky|zod)[@/]/;

  it.each([
    ["ESM", fileURLToPath(new URL("../dist/index.js", import.meta.url)), "import"],
    ["CommonJS", fileURLToPath(new URL("../dist/index.cjs", import.meta.url)), "require"],
    ["the route handler", fileURLToPath(new URL("../dist/handler.js", import.meta.url)), "import"],
  ] as const)("%s loads no jose, ky or zod", (_, entry, how) => {
    const loaded = filesLoadedBy(entry, how);
    expect(loaded.length).toBeGreaterThan(1);
    expect(loaded.filter((url) => heavy.test(url))).toEqual([]);
  });

  it("would notice: importing the contract's schemas loads zod", () => {
    const schemas = fileURLToPath(new URL("../../types/dist/index.js", import.meta.url));
    expect(filesLoadedBy(schemas, "import").some((url) => heavy.test(url))).toBe(true);
  });
});
