import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  platform: "node",
  target: "node24",
  // node:sqlite exists only under its node: name.
  removeNodeProtocol: false,
});
