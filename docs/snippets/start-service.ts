import { startService } from "@handoff/service";

const service = await startService({ port: 8787, database: "./handoff.db" });
const { clientId, privateKey } = await service.createClient({
  name: "my-app",
  origins: ["http://localhost:5173"],
});
console.log(service.url, clientId, privateKey);
