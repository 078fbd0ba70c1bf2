import { defineConfig } from "tsup";

export default defineConfig({
  // One output file per module (shared code in chunks), not one bundle: with `sideEffects: false`
  // a bundler then drops every module an app does not use. `src/core/index.ts` is the
  // `@handoff/types/core` entry: the SDKs import the contract from it without the zod schemas.
  entry: ["src/**/*.ts", "!src/**/*.test.ts"],
  format: ["esm", "cjs"],
  splitting: true,
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
});
