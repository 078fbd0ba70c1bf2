import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import {
  forbiddenInputs,
  measure,
  rowsOf,
  type SizeMeasurement,
  type SizeScenario,
  scenarios,
} from "../scripts/size.mjs";

const dist = fileURLToPath(new URL("../dist/index.js", import.meta.url));
const measured = new Map<SizeScenario, SizeMeasurement>();

/**
 * Bundle sizes of the BUILT package (run `pnpm build` first), as an app's bundler ships it:
 * esbuild, code splitting, minify, gzip. What loads up front is the app's entry chunk and every
 * chunk it imports statically; chunks loaded with `import()` are checked on their own.
 */
describe("bundle size of @handoff/browser (esbuild, splitting, minify, gzip)", () => {
  beforeAll(async () => {
    expect(existsSync(dist), "packages/browser/dist is missing: run `pnpm build` first").toBe(true);
    for (const scenario of scenarios) measured.set(scenario, await measure(scenario.code));
  });

  it.each(scenarios)("$name: within budget, nothing forbidden", (scenario) => {
    const [row] = rowsOf(scenario, measured.get(scenario)!);
    expect(forbiddenInputs(row!)).toEqual([]);
    if (scenario.budgetBytes !== undefined) expect(row!.gzipBytes).toBeLessThanOrEqual(scenario.budgetBytes);
    // A broken entry (everything shaken out) would pass the budget: make sure something is there.
    expect(row!.gzipBytes).toBeGreaterThan(1_000);
  });

  it("the client loads passkeys and device keys lazily, each in a chunk of its own without zod", () => {
    const core = scenarios.find((scenario) => scenario.lazy !== undefined)!;
    const [upFront, ...lazy] = rowsOf(core, measured.get(core)!);
    expect(lazy.map((row) => row.name)).toEqual(core.lazy!.map((chunk) => chunk.name));
    for (const row of lazy) {
      expect(row.missing, `${row.name} is not a lazily loaded chunk`).toBeUndefined();
      expect(forbiddenInputs(row)).toEqual([]);
      expect(row.gzipBytes).toBeGreaterThan(1_000);
      // Nothing loaded up front is counted again, and no lazy chunk is loaded up front.
      expect(row.files.filter((file) => upFront!.files.includes(file))).toEqual([]);
    }
    expect(lazy[0]!.inputs.some((input) => input.includes("startAuthentication"))).toBe(true);
  });

  it("reports a declared lazy chunk the bundle does not have as missing", () => {
    const core = scenarios.find((scenario) => scenario.lazy !== undefined)!;
    const rows = rowsOf(core, { ...measured.get(core)!, lazy: [] });
    expect(rows.slice(1).map((row) => row.missing)).toEqual([true, true]);
  });

  it("notices forbidden modules and code (the checks themselves work)", async () => {
    const passkeys = { forbidden: ["startAuthentication"], forbiddenText: ["/fido2/"] };
    const row = { ...passkeys, ...(await measure(`export { signIn } from "@handoff/browser/passkeys";`)) };
    expect(forbiddenInputs(row)).toEqual([expect.stringContaining("startAuthentication"), '"/fido2/"']);

    // The core's own checks flag passkey code imported up front instead of lazily.
    const core = scenarios[0]!;
    const eager = await measure(`${core.code}\nexport { signIn } from "@handoff/browser/passkeys";`);
    const [upFront] = rowsOf(core, eager);
    expect(forbiddenInputs(upFront!)).toEqual(
      expect.arrayContaining([expect.stringContaining("/@simplewebauthn/"), '"NotAllowedError"']),
    );
  });
});
