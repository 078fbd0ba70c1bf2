/**
 * Browser bundle size: min and min+gzip of what an app ships when it imports each entry, built
 * the same way (esbuild, browser platform, ESM, minified, tree-shaken), next to peers.
 */
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

export interface BundleSize {
  entry: string;
  minBytes: number;
  gzipBytes: number;
}

export interface BundleSizeResult {
  sizes: BundleSize[];
  /** Core gzip / @loginid/websdk3 gzip. */
  coreVsWebsdk3: number;
  /** Target for the core entry, bytes gzip. */
  coreBudgetBytes: number;
}

/** What each measured app imports: the smallest realistic use of each entry. */
const ENTRIES: Record<string, string> = {
  "@handoff/browser core (client, waitCode, detectWebAuthn)":
    'import { createBrowserClient } from "@handoff/browser"; const c = createBrowserClient({ baseUrl: "https://a.example", clientId: "c" }); export const run = () => Promise.all([c.waitCode({ username: "u", code: "123456", codeType: "short" }), c.detectWebAuthn()]);',
  "@handoff/browser (every method of the client)":
    'import { createBrowserClient } from "@handoff/browser"; export const c = createBrowserClient({ baseUrl: "https://a.example", clientId: "c" });',
  "@handoff/browser/qr": 'import { renderQr } from "@handoff/browser/qr"; export const svg = (t) => renderQr(t);',
  "@handoff/types (schemas, HandoffError)": 'export * from "@handoff/types";',
  "@simplewebauthn/browser": 'export * from "@simplewebauthn/browser";',
  "@loginid/websdk3": 'export * from "@loginid/websdk3";',
};

async function measure(entry: string, contents: string): Promise<BundleSize> {
  const result = await build({
    stdin: { contents, resolveDir: import.meta.dirname, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    treeShaking: true,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { entry, minBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength };
}

export async function benchBundleSize(): Promise<BundleSizeResult> {
  const sizes: BundleSize[] = [];
  for (const [entry, contents] of Object.entries(ENTRIES)) sizes.push(await measure(entry, contents));
  const core = sizes[0] as BundleSize;
  const websdk3 = sizes.find((size) => size.entry === "@loginid/websdk3") as BundleSize;
  return {
    sizes,
    coreVsWebsdk3: Math.round((core.gzipBytes / websdk3.gzipBytes) * 100) / 100,
    coreBudgetBytes: 8 * 1024,
  };
}
