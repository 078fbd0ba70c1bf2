/**
 * The floor of an authorize request on Postgres, run as its own process like the service: Hono on
 * @hono/node-server, one jose ES256 verification of a bearer token (the key imported once), and
 * one `pg` transaction on a pooled connection: the same four writes as lib/floor-server.ts plus
 * one `pg_notify` (Handoff's authorize on Postgres tells the other instances with a NOTIFY, so
 * its floor does too), each statement prepared once per connection (named). The pool holds up to
 * 10 connections, the service's default. Prints `{"url": …}` on stdout once listening.
 *
 *   node bench/lib/postgres-floor-server.ts <public JWK as JSON> <postgres:// URL of an empty database>
 */
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { importJWK, type JWK, jwtVerify } from "jose";
import pg from "pg";

const publicJwk = JSON.parse(process.argv[2] ?? "{}") as JWK;
const key = await importJWK(publicJwk, "ES256");
const pool = new pg.Pool({ connectionString: process.argv[3], max: 10, application_name: "floor" });
await pool.query(`CREATE TABLE nonces (nonce TEXT PRIMARY KEY, expires_at BIGINT);
  CREATE TABLE codes (id TEXT PRIMARY KEY, authorized_at BIGINT);
  CREATE TABLE attempts (key TEXT PRIMARY KEY, count INTEGER);
  CREATE TABLE events (id BIGSERIAL PRIMARY KEY, code_id TEXT, at BIGINT);`);

/** The channel and payload shape of Handoff's code events (`{"i":instance,"c":code,"e":event}`). */
const CHANNEL = "handoff_code_events";
const instance = crypto.randomUUID();
const statements = {
  nonce: "INSERT INTO nonces (nonce, expires_at) VALUES ($1, $2)",
  code: "INSERT INTO codes (id, authorized_at) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET authorized_at = excluded.authorized_at",
  attempts: "INSERT INTO attempts (key, count) VALUES ($1, 0) ON CONFLICT (key) DO UPDATE SET count = 0",
  event: "INSERT INTO events (code_id, at) VALUES ($1, $2)",
  notify: "SELECT pg_notify($1, $2)",
};
const run = (client: pg.PoolClient, name: keyof typeof statements, values: unknown[]) =>
  client.query({ name, text: statements[name], values });

const app = new Hono();
app.post("/authorize", async (c) => {
  const token = c.req.header("authorization")?.slice("Bearer ".length) ?? "";
  const { payload } = await jwtVerify(token, key, { algorithms: ["ES256"] });
  const { code } = (await c.req.json()) as { code: string };
  const now = Date.now();
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await run(client, "nonce", [String(payload.nonce), now + 300_000]);
    await run(client, "code", [code, now]);
    await run(client, "attempts", [String(payload.client_id)]);
    await run(client, "event", [code, now]);
    await run(client, "notify", [CHANNEL, JSON.stringify({ i: instance, c: code, e: "authorized" })]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  return c.json({ is_authorized: true });
});

const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${info.port}` })}\n`);
});
process.on("SIGTERM", () => server.close(() => void pool.end().then(() => process.exit(0))));
