// Everything the examples need, started in-process on free ports: the Handoff service (SQLite in
// memory, mail over SMTP to the dev inbox), the dev inbox, the example backend and the example
// frontend on Vite's dev server.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createBackend } from "@handoff/example-backend";
import { type ReceivedMail, startDevInbox } from "@handoff/example-dev-inbox";
import { startWebDevServer } from "@handoff/example-web/dev-server";
import { createServerClient, type ServerClient } from "@handoff/server";
import { type ServiceOptions, startService } from "@handoff/service";
import { freePort } from "./free-port.ts";

/** A running stack. */
export interface Stack {
  /** The frontend, e.g. `http://localhost:40123`. */
  webUrl: string;
  /** The server SDK as the backend uses it (to create users or approve codes directly). */
  handoff: ServerClient;
  /** Mails received by the dev inbox, read over its JSON endpoint. */
  mails(): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/**
 * Starts the stack. `service` options are passed to `startService` (e.g. a short
 * `codeLifetimeMs`).
 */
export async function startStack(service: ServiceOptions = {}): Promise<Stack> {
  const inbox = await startDevInbox({ smtpPort: 0, httpPort: 0 });
  const handoffService = await startService({
    port: 0,
    database: ":memory:",
    logger: false,
    // The dev inbox speaks plain SMTP on 127.0.0.1: TLS off, allowed only for a loopback host.
    smtp: { host: "127.0.0.1", port: inbox.smtpPort, from: "handoff@example.localhost", insecureLocalhost: true },
    ...service,
  });
  const webPort = await freePort();
  const origin = `http://localhost:${webPort}`;
  const client = await handoffService.createClient({ name: "e2e", origins: [origin] });
  const privateKey = client.privateKeyPem ?? "";
  const backend = await createBackend({
    handoff: { baseUrl: handoffService.url, clientId: client.clientId, privateKey },
    port: 0,
    smtp: { host: "127.0.0.1", port: inbox.smtpPort },
    trustProxy: true,
    rateLimit: { limit: 100 },
  });
  const cacheDir = mkdtempSync(join(tmpdir(), "handoff-e2e-vite-"));
  const web = await startWebDevServer({ backendUrl: backend.url, port: webPort, quiet: true, cacheDir });
  return {
    webUrl: web.url,
    handoff: createServerClient({ baseUrl: handoffService.url, clientId: client.clientId, privateKey }),
    async mails() {
      const response = await fetch(`${inbox.url}/api/mails`);
      return ((await response.json()) as { mails: ReceivedMail[] }).mails;
    },
    async close() {
      await web.close();
      await backend.close();
      await handoffService.close();
      await inbox.close();
      rmSync(cacheDir, { recursive: true, force: true });
    },
  };
}
