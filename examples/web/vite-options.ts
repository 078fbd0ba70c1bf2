import type { UserConfig } from "vite";

/** Options of {@link webViteConfig}. */
export interface WebViteOptions {
  /** The example backend; `/api` is proxied to it, so the page and its API share one origin. */
  backendUrl: string;
  /** Dev server port. Default: 5173 (the origin the demo's Handoff client allows). */
  port?: number;
}

/**
 * The Vite configuration of the example frontend, shared by `vite.config.ts` (`pnpm dev`) and
 * `startWebDevServer` (the demo and the end-to-end tests).
 *
 * @example
 * export default defineConfig(webViteConfig({ backendUrl: "http://127.0.0.1:3000" }));
 */
export function webViteConfig({ backendUrl, port = 5173 }: WebViteOptions): UserConfig {
  return {
    root: import.meta.dirname,
    server: {
      port,
      strictPort: true,
      // xfwd: the backend sees the browser's address in X-Forwarded-For (its trustProxy option).
      proxy: { "/api": { target: backendUrl, xfwd: true } },
    },
    // Pre-bundled up front (they are workspace links), so the first page load never reloads.
    optimizeDeps: { include: ["@handoff/browser", "@handoff/browser/qr"] },
  };
}
