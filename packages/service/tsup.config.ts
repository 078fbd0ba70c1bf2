import { defineConfig } from "tsup";

export default defineConfig([
  {
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    platform: "node",
    target: "node24",
    // node:sqlite exists only under its node: name.
    removeNodeProtocol: false,
  },
  {
    entry: { cli: "src/bin.ts" },
    format: ["esm"],
    sourcemap: true,
    platform: "node",
    target: "node24",
    removeNodeProtocol: false,
    banner: { js: "#!/usr/bin/env node" },
  },
]);
