import { defineConfig, type Options } from "tsup";

const shared: Options = {
  // The SDK, and the backend routes as a fetch handler and as Hono and Express middleware.
  entry: {
    index: "src/index.ts",
    handler: "src/handler/index.ts",
    hono: "src/adapters/hono.ts",
    express: "src/adapters/express.ts",
  },
  sourcemap: true,
  target: "es2022",
  dts: true,
};

export default defineConfig([
  { ...shared, format: ["esm"], clean: true },
  // ky and jose ship ESM only; the CommonJS build carries its own copy so that `require()`
  // works on every Node ≥ 20, not only on those with require(esm) (20.19+, 22.12+).
  { ...shared, format: ["cjs"], noExternal: ["ky", "jose"] },
]);
