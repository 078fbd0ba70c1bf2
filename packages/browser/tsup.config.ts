import { defineConfig } from "tsup";

export default defineConfig({
  // One entry per public subpath. `qr`, `passkeys` and `device-keys` are their own entries, so
  // an app that imports only the core bundles none of them.
  entry: {
    index: "src/index.ts",
    passkeys: "src/webauthn/index.ts",
    "device-keys": "src/device-keys/index.ts",
    qr: "src/qr/index.ts",
  },
  format: ["esm", "cjs"],
  // The ESM build is code-split (tsup's default for ESM): the client's `import()` of the passkey
  // and device-key methods stays a dynamic import of a separate file, which an app's bundler turns
  // into a lazily loaded chunk. The CJS build (Node, `require`) is not split: each entry is one
  // file and those imports resolve inside it.
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
});
