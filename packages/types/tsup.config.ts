import { defineConfig } from "tsup";

export default defineConfig({
  // One output file per module (shared code in chunks), not one bundle: with `sideEffects: false`
  // a bundler then drops every module an app does not use. The browser SDK imports `HandoffError`
  // and `normalizeCode` without the zod schemas (≈ 0.6 kB instead of ≈ 9 kB min+gzip).
  entry: ["src/**/*.ts", "!src/**/*.test.ts"],
  format: ["esm", "cjs"],
  splitting: true,
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
});
