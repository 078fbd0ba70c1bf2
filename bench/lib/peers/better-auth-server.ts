/**
 * better-auth with its deviceAuthorization plugin (RFC 8628), run as its own process like the
 * service, served by better-auth's Node integration (`toNodeHandler`) on node:http, with
 * NODE_ENV=production. Storage is a SQLite file through node:sqlite, which better-auth's Kysely
 * adapter takes as is (`DatabaseSync`), in WAL mode with synchronous=NORMAL like Handoff's; the
 * schema is created with better-auth's own `getMigrations`. Email and password sign-in on, the
 * plugin's client check (`validateClient`) on, logging at better-auth's default (warnings and
 * errors), telemetry off.
 *
 * The rate limiter is on, as in production (`rateLimit.enabled: true`, its default in-memory
 * store, the client address from `x-forwarded-for` as behind a proxy). Every simulated device and
 * approver calls from 127.0.0.1, so, as the bench does for Handoff's per-address caps, the budgets
 * are raised for that one address: the default rule and the special rules (sign-up: 3 per 10 s;
 * the plugin's `/device` page: 5 per 30 min) get `max` 1,000,000. Every request still goes
 * through the limiter's lookup and count.
 *
 * Prints `{"url": …}` on stdout once listening on 127.0.0.1.
 *
 *   node bench/lib/peers/better-auth-server.ts <interval: 5s (the plugin's default) or 1s>
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { betterAuth } from "better-auth";
import { getMigrations } from "better-auth/db/migration";
import { toNodeHandler } from "better-auth/node";
import { deviceAuthorization } from "better-auth/plugins/device-authorization";
import { DEVICE_CLIENT_ID } from "./device-client.ts";

const interval = process.argv[2] === "1s" ? "1s" : "5s";
const database = new DatabaseSync(join(mkdtempSync(join(tmpdir(), "handoff-peer-better-auth-")), "auth.db"));
database.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");

const server = createServer();
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const UNTHROTTLED = { window: 10, max: 1_000_000 };
const options = {
  baseURL,
  secret: randomBytes(32).toString("base64url"),
  database,
  emailAndPassword: { enabled: true },
  telemetry: { enabled: false },
  rateLimit: {
    enabled: true,
    ...UNTHROTTLED,
    customRules: { "/sign-up/*": UNTHROTTLED, "/sign-in/*": UNTHROTTLED, "/device": UNTHROTTLED },
  },
  plugins: [
    deviceAuthorization({
      interval,
      validateClient: (clientId: string) => clientId === DEVICE_CLIENT_ID,
    }),
  ],
};
const { runMigrations } = await getMigrations(options);
await runMigrations();
const auth = betterAuth(options);
server.on("request", toNodeHandler(auth));
process.stdout.write(`${JSON.stringify({ url: baseURL })}\n`);
process.on("SIGTERM", () => server.close(() => process.exit(0)));
