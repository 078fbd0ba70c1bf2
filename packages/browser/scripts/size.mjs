/**
 * Bundle size of @handoff/browser as an app ships it: each scenario is an app entry that imports
 * from the BUILT package (dist/), bundled by esbuild for the browser the way an app's bundler does
 * it (ESM, minified, tree-shaken, code splitting on), then gzipped. Run after `pnpm build`:
 *
 *   npx --yes pnpm@10.34.9 exec node packages/browser/scripts/size.mjs
 *
 * What counts: the app's entry chunk plus every chunk it imports statically, i.e. what the browser
 * must fetch before the app runs. Chunks reached only through `import()` (the client's passkey and
 * device-key methods) are reported as separate rows: they are fetched on first use. Each file is
 * gzipped on its own, as a server sends it.
 *
 * Exits 1 when a budgeted scenario is over its budget or a bundle holds code it must not.
 * `test/size.test.ts` runs the same checks; `bench/bundle-size.ts` reports the same measures.
 */
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

/**
 * The budget of the core, bytes min+gzip. Issue 6 asked for about half of @loginid/websdk3 (14.8 kB);
 * the core is ≈ 4.75 kB, and 5 kB fails a return of what issue 15 undid (5.04 kB: rows and
 * converters only the lazy chunks use, reached through one `@handoff/types/core` index).
 */
export const CORE_BUDGET_BYTES = 5 * 1024;

/**
 * What must not be in the core: zod, the QR encoder, @simplewebauthn/browser (its entry does not
 * declare itself free of side effects, so under code splitting importing anything from it puts
 * all of it, ceremonies included, in the core), and the passkey and device-key code, recognised
 * by the ceremony's error classification, the device key's algorithm and its IndexedDB database
 * name (the package is bundled, so its own module paths are not visible), and their endpoint
 * paths: the contract's rows come in one module per feature (`@handoff/types/core/endpoints/…`),
 * and esbuild splits by module, so the core holds the wait's row and none of the others.
 */
const CORE_FORBIDDEN = {
  forbidden: ["/zod/", "/qrcode/", "/@simplewebauthn/"],
  forbiddenText: ["NotAllowedError", "ECDSA", "handoff-device-keys", "/fido2/", "/pwless/"],
};

/** The lazily loaded chunks of the client, recognised by the module each starts from. */
const CLIENT_LAZY = [
  {
    name: "  ↳ lazy: passkeys (first client.signUp / signIn / addDevice)",
    chunk: "passkey-methods",
    forbidden: ["/zod/", "/qrcode/"],
    forbiddenText: ["/pwless/"],
  },
  {
    name: "  ↳ lazy: device keys (first client.requestDeviceCode / addDeviceKey / signInWithDeviceKey)",
    chunk: "device-key-methods",
    forbidden: ["/zod/", "/qrcode/", "/@simplewebauthn/"],
    forbiddenText: ["/fido2/"],
  },
];

/**
 * What an app does with the SDK; the most it may cost (bytes, min+gzip), if budgeted; modules
 * that must not be in its bundle (substrings of esbuild's input paths) and strings that must not
 * be in its code; and the lazy chunks it must have.
 */
export const scenarios = [
  {
    name: "core: createBrowserClient → waitCode + detectWebAuthn",
    budgetBytes: CORE_BUDGET_BYTES,
    ...CORE_FORBIDDEN,
    lazy: CLIENT_LAZY,
    code: `import { createBrowserClient } from "@handoff/browser";
const client = createBrowserClient({ baseUrl: "https://auth.example.com", clientId: "id" });
export const run = () => Promise.all([client.waitCode({ username: "u", code: "1", codeType: "short" }), client.detectWebAuthn()]);`,
  },
  {
    name: "core without a client: waitCode + detectWebAuthn functions",
    budgetBytes: CORE_BUDGET_BYTES,
    ...CORE_FORBIDDEN,
    code: `import { detectWebAuthn, waitCode } from "@handoff/browser";
const service = { baseUrl: "https://auth.example.com", clientId: "id" };
export const run = () => Promise.all([detectWebAuthn(), waitCode(service, { username: "u", code: "1", codeType: "short" })]);`,
  },
  {
    name: "@handoff/browser/passkeys (every export)",
    forbidden: ["/zod/", "/qrcode/"],
    forbiddenText: ["/pwless/"],
    code: `export * from "@handoff/browser/passkeys";`,
  },
  {
    name: "@handoff/browser/device-keys (every export)",
    forbidden: ["/zod/", "/qrcode/", "/@simplewebauthn/"],
    forbiddenText: ["/fido2/"],
    code: `export * from "@handoff/browser/device-keys";`,
  },
  {
    name: "@handoff/types/core (every export): what the SDKs share, without zod",
    forbidden: ["/zod/"],
    code: `export * from "@handoff/types/core";`,
  },
  {
    name: "@handoff/browser/qr: renderQr + renderQrToCanvas",
    budgetBytes: 10 * 1024,
    forbidden: ["/zod/", "/pngjs/", "/simplewebauthn/", "qrcode/lib/renderer/", "qrcode/lib/server"],
    code: `export { renderQr, renderQrToCanvas } from "@handoff/browser/qr";`,
  },
];

/** Sizes, modules and code of a set of output files (each gzipped on its own). */
function summarize(files, outputs) {
  const inputs = new Set();
  let minBytes = 0;
  let gzipBytes = 0;
  let text = "";
  for (const file of files) {
    minBytes += file.contents.byteLength;
    gzipBytes += gzipSync(file.contents, { level: 9 }).byteLength;
    text += file.text;
    // Modules with bytes in the output (esbuild also lists the ones it parsed and shook out).
    for (const [path, { bytesInOutput }] of Object.entries(outputs[file.key].inputs)) {
      if (bytesInOutput > 0) inputs.add(path);
    }
  }
  return { minBytes, gzipBytes, inputs: [...inputs], text, files: files.map((file) => file.key) };
}

/** The output `from` and everything it imports statically, transitively, minus `exclude`. */
function staticClosure(from, outputs, exclude = new Set()) {
  const seen = new Set();
  const queue = [from];
  while (queue.length > 0) {
    const key = queue.shift();
    if (seen.has(key) || exclude.has(key)) continue;
    seen.add(key);
    for (const { path, kind } of outputs[key].imports) if (kind === "import-statement") queue.push(path);
  }
  return seen;
}

/**
 * Bundles one app entry the way an app's bundler would (code splitting on) and measures what
 * loads up front (the entry chunk and its static imports) and each chunk loaded with `import()`
 * (with the chunks it needs beyond those already loaded).
 *
 * @param code The app entry.
 * @param resolveDir Where its imports resolve from. Default: this package (`@handoff/browser`
 * then resolves through its own exports map to the built dist/).
 */
export async function measure(code, resolveDir = packageDir) {
  const result = await build({
    stdin: { contents: code, resolveDir, sourcefile: "app.js", loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    splitting: true,
    outdir: "out",
    write: false,
    logLevel: "silent",
    metafile: true,
    absWorkingDir: resolveDir,
  });
  const { outputs } = result.metafile;
  const files = new Map(
    result.outputFiles.map((file) => {
      const key = relative(resolveDir, file.path).split("\\").join("/");
      return [key, { key, contents: file.contents, text: file.text }];
    }),
  );
  const entry = Object.keys(outputs).find((key) => outputs[key].entryPoint === "app.js");
  if (entry === undefined) throw new Error("esbuild produced no chunk for the app entry");
  const upFront = staticClosure(entry, outputs);
  const lazy = [];
  const dynamic = new Set();
  for (const key of upFront) {
    for (const { path, kind } of outputs[key].imports) if (kind === "dynamic-import") dynamic.add(path);
  }
  for (const key of dynamic) {
    const chunk = staticClosure(key, outputs, upFront);
    lazy.push({
      entryPoint: outputs[key].entryPoint ?? key,
      ...summarize(
        [...chunk].map((k) => files.get(k)),
        outputs,
      ),
    });
  }
  return {
    ...summarize(
      [...upFront].map((key) => files.get(key)),
      outputs,
    ),
    lazy,
  };
}

/** What a measured bundle holds that it must not: forbidden modules and forbidden strings. */
export function forbiddenInputs(row) {
  const modules = row.inputs.filter((input) => (row.forbidden ?? []).some((pattern) => input.includes(pattern)));
  const strings = (row.forbiddenText ?? []).filter((text) => row.text.includes(text)).map((text) => `"${text}"`);
  return [...modules, ...strings];
}

/**
 * The rows of one measured scenario: the scenario itself (what loads up front), then one row per
 * lazy chunk it declares, each with its own forbidden lists. A declared lazy chunk that the bundle
 * does not have gets `missing: true`.
 */
export function rowsOf(scenario, measured) {
  const rows = [{ ...scenario, ...measured }];
  for (const expected of scenario.lazy ?? []) {
    const found = measured.lazy.find((chunk) => chunk.entryPoint.includes(expected.chunk));
    rows.push(
      found
        ? { ...expected, ...found, lazy: [] }
        : { ...expected, minBytes: 0, gzipBytes: 0, inputs: [], text: "", files: [], lazy: [], missing: true },
    );
  }
  return rows;
}

/** Measures every scenario; one row per scenario and per lazy chunk. */
export async function measureAll() {
  const rows = [];
  for (const scenario of scenarios) rows.push(...rowsOf(scenario, await measure(scenario.code)));
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const kB = (bytes) => `${(bytes / 1024).toFixed(2)} kB`;
  let over = false;
  for (const row of await measureAll()) {
    const budget = row.budgetBytes === undefined ? "" : ` (budget ${kB(row.budgetBytes)})`;
    const leaks = forbiddenInputs(row);
    let verdict = row.budgetBytes !== undefined && row.gzipBytes > row.budgetBytes ? "  OVER BUDGET" : "";
    if (leaks.length > 0) verdict += `  BUNDLES ${leaks.join(", ")}`;
    if (row.missing) verdict += "  NOT A SEPARATE CHUNK";
    over ||= verdict !== "";
    console.log(
      `${row.name.padEnd(92)} ${kB(row.minBytes).padStart(10)} min ${kB(row.gzipBytes).padStart(9)} gzip${budget}${verdict}`,
    );
  }
  process.exitCode = over ? 1 : 0;
}
