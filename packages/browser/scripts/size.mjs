/**
 * Bundle size of @handoff/browser as an app ships it: each scenario is an app entry that imports
 * from the BUILT package (dist/), bundled by esbuild for the browser (ESM, minified, tree-shaken
 * like any bundler), then gzipped. Run after `pnpm build`:
 *
 *   npx --yes pnpm@10.34.9 exec node packages/browser/scripts/size.mjs
 *
 * Exits 1 when a budgeted scenario is over its budget. `test/size.test.ts` runs the same check.
 */
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

/**
 * What an app does with the SDK; the most it may cost (bytes, min+gzip), if budgeted; and
 * modules that must not be in its bundle (matched against esbuild's input paths).
 */
export const scenarios = [
  {
    name: "core: waitCode + detectWebAuthn",
    budgetBytes: 8 * 1024,
    forbidden: ["/zod/", "/qrcode/", "startRegistration", "startAuthentication", "/device-keys/"],
    code: `import { detectWebAuthn, waitCode } from "@handoff/browser";
const service = { baseUrl: "https://auth.example.com", clientId: "id" };
export const run = () => Promise.all([detectWebAuthn(), waitCode(service, { username: "u", code: "1", codeType: "short" })]);`,
  },
  {
    name: "createBrowserClient (every method)",
    code: `import { createBrowserClient } from "@handoff/browser";
export const client = createBrowserClient({ baseUrl: "https://auth.example.com", clientId: "id" });`,
  },
  {
    name: "qr: renderQr + renderQrToCanvas",
    budgetBytes: 10 * 1024,
    forbidden: ["/zod/", "/pngjs/", "/simplewebauthn/", "qrcode/lib/renderer/", "qrcode/lib/server"],
    code: `export { renderQr, renderQrToCanvas } from "@handoff/browser/qr";`,
  },
];

/** Bundles one entry the way an app's bundler would; returns its minified and gzipped sizes. */
export async function measure(code) {
  const result = await build({
    stdin: { contents: code, resolveDir: packageDir, sourcefile: "app.js", loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
    metafile: true,
    // "@handoff/browser" resolves through the package's own exports map to the built dist/.
    absWorkingDir: packageDir,
  });
  const output = result.outputFiles[0].contents;
  return {
    minBytes: output.byteLength,
    gzipBytes: gzipSync(output, { level: 9 }).byteLength,
    // Modules with bytes in the output (esbuild also lists the ones it parsed and shook out).
    inputs: Object.values(result.metafile.outputs).flatMap((output) =>
      Object.entries(output.inputs)
        .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
        .map(([path]) => path),
    ),
  };
}

/** The forbidden modules a scenario's bundle contains. */
export function forbiddenInputs(row) {
  return row.inputs.filter((input) => (row.forbidden ?? []).some((pattern) => input.includes(pattern)));
}

/** Measures every scenario. */
export async function measureAll() {
  const rows = [];
  for (const scenario of scenarios) rows.push({ ...scenario, ...(await measure(scenario.code)) });
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
    over ||= verdict !== "";
    console.log(
      `${row.name.padEnd(56)} ${kB(row.minBytes).padStart(10)} min ${kB(row.gzipBytes).padStart(9)} gzip${budget}${verdict}`,
    );
  }
  process.exitCode = over ? 1 : 0;
}
