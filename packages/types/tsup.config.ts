import { defineConfig } from "tsup";

export default defineConfig({
  // One output file per module (shared code in chunks), not one bundle: with `sideEffects: false`
  // a bundler then drops every module an app does not use. `src/core/index.ts` is the
  // `@handoff/types/core` entry: the contract without the zod schemas. Its concerns are subpaths
  // of their own (`./core/errors`, `./core/endpoints/passkeys`, … in package.json): an app's
  // bundler splits code by module, so the browser SDK imports each from its own subpath and its
  // up-front chunk does not reach the modules only its lazily loaded chunks use.
  entry: ["src/**/*.ts", "!src/**/*.test.ts"],
  format: ["esm", "cjs"],
  splitting: true,
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
});
