import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { forbiddenInputs, measure, scenarios } from "../scripts/size.mjs";

const dist = fileURLToPath(new URL("../dist/index.js", import.meta.url));

/** Bundle sizes of the BUILT package (run `pnpm build` first), as an app's bundler ships it. */
describe("bundle size of @handoff/browser (esbuild, minify, gzip)", () => {
  it("is measured from a build", () => {
    expect(existsSync(dist), "packages/browser/dist is missing: run `pnpm build` first").toBe(true);
  });

  it.each(scenarios.filter((s) => s.budgetBytes !== undefined))(
    "$name: within budget, nothing forbidden",
    async (scenario) => {
      const row = { ...scenario, ...(await measure(scenario.code)) };
      expect(forbiddenInputs(row)).toEqual([]);
      expect(row.gzipBytes).toBeLessThanOrEqual(row.budgetBytes!);
      // A broken entry (everything shaken out) would pass the budget: make sure something is there.
      expect(row.gzipBytes).toBeGreaterThan(1_000);
    },
  );

  it("notices forbidden modules (the check itself works)", async () => {
    const row = {
      name: "passkeys",
      forbidden: ["startAuthentication"],
      code: `export { startAuthentication } from "@simplewebauthn/browser";`,
    };
    expect(forbiddenInputs({ ...row, ...(await measure(row.code)) })).not.toEqual([]);
  });
});
