import { defineConfig } from "tsup";

export default defineConfig({
  // `qr` is its own entry (`@handoff/browser/qr`) so the QR encoder never lands in the core.
  entry: { index: "src/index.ts", qr: "src/qr/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
});
