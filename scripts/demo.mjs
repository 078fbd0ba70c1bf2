#!/usr/bin/env node
// `npm run demo`: starts the Handoff service on a SQLite file under .data/ (reused by later runs),
// creates a demo client the first time, and prints how to call it. Ctrl-C stops it cleanly.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startService } from "@handoff/service";

const dataDir = join(import.meta.dirname, "..", ".data");
mkdirSync(dataDir, { recursive: true });
const clientFile = join(dataDir, "demo-client.json");
const port = Number(process.env.HANDOFF_PORT ?? 8787);
const frontendOrigin = process.env.HANDOFF_FRONTEND_ORIGIN ?? "http://localhost:5173";

const service = await startService({
  port,
  database: join(dataDir, "handoff.db"),
  logger: false,
  onOutboxMail: (mail) => console.log(`\n✉  mail to ${mail.to}: ${mail.subject}\n${mail.text}\n`),
});

let client;
if (existsSync(clientFile)) {
  client = JSON.parse(readFileSync(clientFile, "utf8"));
} else {
  client = await service.createClient({ name: "demo", origins: [frontendOrigin] });
  writeFileSync(clientFile, `${JSON.stringify(client, null, 2)}\n`, { mode: 0o600 });
}

console.log(`
Handoff service running at ${service.url}
  data:        ${dataDir} (kept between runs)
  client id:   ${client.clientId}
  private key: ${clientFile} (the backend signs service tokens with it)
  JWKS:        ${service.url}/.well-known/jwks.json

Try one-time authentication from a terminal with the server SDK:
  import { createServerClient } from "@handoff/server";
  const handoff = createServerClient({ baseUrl: "${service.url}", clientId: "${client.clientId}", privateKey });

Press Ctrl-C to stop.`);

const stop = async () => {
  await service.close();
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
