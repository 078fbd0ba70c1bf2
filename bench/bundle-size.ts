/**
 * Browser bundle size: min and min+gzip of what an app ships when it imports each entry, built
 * the same way (esbuild, browser platform, ESM, minified, tree-shaken, code splitting), next to
 * peers. The @handoff/browser scenarios and the measure are those of
 * packages/browser/scripts/size.mjs (which its `test/size.test.ts` enforces): a row counts the
 * app's entry chunk plus every chunk it imports statically; chunks loaded with `import()` (the
 * client's passkey and device-key methods) are rows of their own, marked "lazy".
 */
import { CORE_BUDGET_BYTES, measure, rowsOf, scenarios } from "../packages/browser/scripts/size.mjs";

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

/** Peers and the contract package, measured the same way. */
const OTHERS: Record<string, string> = {
  "@handoff/types (schemas, HandoffError)": 'export * from "@handoff/types";',
  "@simplewebauthn/browser": 'export * from "@simplewebauthn/browser";',
  "@loginid/websdk3": 'export * from "@loginid/websdk3";',
};

export async function benchBundleSize(): Promise<BundleSizeResult> {
  const sizes: BundleSize[] = [];
  for (const scenario of scenarios) {
    // Resolved from bench/, like an app that depends on the packages.
    for (const row of rowsOf(scenario, await measure(scenario.code, import.meta.dirname))) {
      if (row.missing) throw new Error(`${row.name.trim()}: not a separate chunk`);
      sizes.push({ entry: row.name.trim(), minBytes: row.minBytes, gzipBytes: row.gzipBytes });
    }
  }
  for (const [entry, code] of Object.entries(OTHERS)) {
    const { minBytes, gzipBytes } = await measure(code, import.meta.dirname);
    sizes.push({ entry, minBytes, gzipBytes });
  }
  const core = sizes[0] as BundleSize;
  const websdk3 = sizes.find((size) => size.entry === "@loginid/websdk3") as BundleSize;
  return {
    sizes,
    coreVsWebsdk3: Math.round((core.gzipBytes / websdk3.gzipBytes) * 100) / 100,
    coreBudgetBytes: CORE_BUDGET_BYTES,
  };
}
