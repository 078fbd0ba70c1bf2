import { createServer } from "vite";
import { type WebViteOptions, webViteConfig } from "./vite-options.ts";

/** Options of {@link startWebDevServer}. */
export interface WebDevServerOptions extends WebViteOptions {
  /** Print nothing (tests). Default: `false` (warnings and errors). */
  quiet?: boolean;
  /** Where Vite keeps its pre-bundled dependencies; give each parallel server its own. Default: Vite's (`node_modules/.vite`). */
  cacheDir?: string;
}

/** A running Vite dev server of the example frontend. */
export interface WebDevServer {
  /** The page, e.g. `http://localhost:5173` (the origin the Handoff client must allow). */
  readonly url: string;
  /** Stops the dev server. */
  close(): Promise<void>;
}

/**
 * Starts the example frontend on Vite's dev server, programmatically (no config file is read).
 *
 * @example
 * const web = await startWebDevServer({ backendUrl: backend.url, port: 5173 });
 * console.log(web.url); // http://localhost:5173
 */
export async function startWebDevServer(options: WebDevServerOptions): Promise<WebDevServer> {
  const config = webViteConfig(options);
  const server = await createServer({
    ...config,
    configFile: false,
    logLevel: options.quiet ? "silent" : "warn",
    ...(options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir }),
  });
  await server.listen();
  return {
    url: `http://localhost:${config.server?.port}`,
    close: () => server.close(),
  };
}
