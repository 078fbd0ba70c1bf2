/**
 * The floor of an authorize request, run as its own process like the service: Hono on
 * @hono/node-server, one jose ES256 verification of a bearer token (the key imported once), and
 * one node:sqlite transaction of four writes (WAL, synchronous=NORMAL): the least any service
 * doing what authorize does (check a signed request, record a nonce and the decision) must cost.
 * Prints `{"url": …}` on stdout once listening.
 *
 *   node bench/lib/floor-server.ts <public JWK as JSON>
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { importJWK, type JWK, jwtVerify } from "jose";

const publicJwk = JSON.parse(process.argv[2] ?? "{}") as JWK;
const key = await importJWK(publicJwk, "ES256");
const database = new DatabaseSync(join(mkdtempSync(join(tmpdir(), "handoff-floor-")), "floor.db"));
database.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
  CREATE TABLE nonces (nonce TEXT PRIMARY KEY, expires_at INTEGER);
  CREATE TABLE codes (id TEXT PRIMARY KEY, authorized_at INTEGER);
  CREATE TABLE attempts (key TEXT PRIMARY KEY, count INTEGER);
  CREATE TABLE events (id INTEGER PRIMARY KEY, code_id TEXT, at INTEGER);`);
const writes = [
  database.prepare("INSERT INTO nonces (nonce, expires_at) VALUES (?, ?)"),
  database.prepare(
    "INSERT INTO codes (id, authorized_at) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET authorized_at = excluded.authorized_at",
  ),
  database.prepare("INSERT INTO attempts (key, count) VALUES (?, 0) ON CONFLICT (key) DO UPDATE SET count = 0"),
  database.prepare("INSERT INTO events (code_id, at) VALUES (?, ?)"),
];

const app = new Hono();
app.post("/authorize", async (c) => {
  const token = c.req.header("authorization")?.slice("Bearer ".length) ?? "";
  const { payload } = await jwtVerify(token, key, { algorithms: ["ES256"] });
  const { code } = (await c.req.json()) as { code: string };
  const now = Date.now();
  database.exec("BEGIN IMMEDIATE");
  try {
    writes[0]?.run(String(payload.nonce), now + 300_000);
    writes[1]?.run(code, now);
    writes[2]?.run(String(payload.client_id));
    writes[3]?.run(code, now);
    database.exec("COMMIT");
  } catch (error) {
    database.exec("ROLLBACK");
    throw error;
  }
  return c.json({ is_authorized: true });
});

const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${info.port}` })}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
