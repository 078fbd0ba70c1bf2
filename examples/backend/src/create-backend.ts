import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { BackendOptions } from "./backend-options.ts";
import { createBackendApp } from "./create-backend-app.ts";

/** A running example backend. */
export interface RunningBackend {
  /** Where it listens, e.g. `http://127.0.0.1:3000`. */
  readonly url: string;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/**
 * Starts the example backend on Node.
 *
 * @example
 * const backend = await createBackend({
 *   handoff: { baseUrl: "http://127.0.0.1:8787", clientId, privateKey },
 *   port: 3000,
 * });
 * console.log(backend.url);
 */
export async function createBackend(options: BackendOptions): Promise<RunningBackend> {
  const { port = 3000, hostname = "127.0.0.1" } = options;
  const app = createBackendApp(options);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const instance = serve({ fetch: app.fetch, port, hostname }, () => resolve(instance));
    instance.once("error", reject);
  });
  const address = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${hostname}:${address.port}`,
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ("closeAllConnections" in server) server.closeAllConnections();
      });
      return closed;
    },
  };
}
