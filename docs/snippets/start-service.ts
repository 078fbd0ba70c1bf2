import { startService } from "@handoff/service";

const service = await startService({
  port: 8787,
  database: "./handoff.db",
  // Development only: add-device security codes are kept in service.outbox instead of emailed.
  // In production, configure SMTP instead: smtp: { host, port, from, user, password }.
  devOutbox: true,
});
const { clientId, privateKey } = await service.createClient({
  name: "my-app",
  origins: ["http://localhost:5173"],
});
console.log(service.url, clientId, privateKey);
