import { parseArgs } from "node:util";
import { isHandoffError } from "@handoff/types";
import { createClient } from "./clients.js";
import type { SmtpOptions } from "./mail/smtp-options.js";
import { startService } from "./start-service.js";
import { openStorage } from "./storage/open-storage.js";

const HELP = `handoff-service — a self-hostable Handoff service

Usage:
  handoff-service start [options]
  handoff-service create-client --name <name> [--origin <url>]... [--verification-uri <url> [--private-key-jwt]]
                                [--db <path|url>] [--json]
  handoff-service help

start:
  --port <n>              port to listen on (default 8787; 0 picks a free one)
  --host <addr>           interface to listen on (default 127.0.0.1)
  --db <path|url>         SQLite file (default ./handoff.db), or a postgres://user@host:5432/db URL
                          that several instances behind a load balancer share (password from
                          PGPASSWORD, so it stays out of the process list)
  --wait-timeout-ms <n>   how long a wait is held before 408 wait_timeout (default 120000)
  --max-waits-per-code <n>
                          waits held at once on one code, then 429 too_many_attempts (default 4)
  --max-waits-per-address <n>
                          waits held at once from one client address (IPv6: its /64), then 429
                          too_many_attempts (default 64)
  --max-failed-attempts-per-address <n>
                          wrong codes from one client address to the public endpoints per
                          15 minutes, over all users, then 429 (default 100)
  --issuer <url>          iss of user JWTs (default: the service URL)
  --rp-id <host>          WebAuthn relying party id (default: hostname of the client's first origin)
  --trust-proxy           behind a trusted reverse proxy: the requester's IP is the first
                          X-Forwarded-For hop (default: the socket's address)
  --smtp-host <host>      SMTP server for security codes and notifications; without it (and
                          without --dev-outbox) add device by email (/pwless/signup) is refused
  --smtp-port <n>         SMTP port (default 587, or 465 with --smtp-secure)
  --smtp-secure           TLS from the start (implicit TLS); default: STARTTLS, required
  --smtp-insecure-localhost
                          no TLS, for a relay on this machine only (localhost, 127.0.0.1, ::1)
  --smtp-user <user>      SMTP user (password from HANDOFF_SMTP_PASSWORD)
  --smtp-from <address>   sender address (default handoff@localhost)
  --dev-outbox            development only: print mails here (security codes included)
                          instead of sending them; not with --smtp-host
  --metrics               serve Prometheus metrics at GET /metrics; with HANDOFF_METRICS_TOKEN
                          set, only to Authorization: Bearer <that token>

create-client:
  --name <name>           a name to recognise the client by (required)
  --origin <url>          a browser origin allowed to call the service (repeatable)
  --verification-uri <url>
                          let the client use the OAuth device grant (RFC 8628): its page where
                          signed-in users type the user code; a public client (auth method none)
  --private-key-jwt       with --verification-uri: the client authenticates at the OAuth
                          endpoints with assertions signed by its key (private_key_jwt)
  --db <path|url>         SQLite file (default ./handoff.db) or postgres:// URL
  --json                  print {client_id, namespace_id, private_key_jwk, private_key_pem} as JSON

Exit codes: 0 success, 1 failure, 2 usage error.`;

class UsageError extends Error {}

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new UsageError(`--${name} must be a non-negative integer, got "${value}"`);
  return parsed;
}

async function start(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      db: { type: "string" },
      "wait-timeout-ms": { type: "string" },
      "max-waits-per-code": { type: "string" },
      "max-waits-per-address": { type: "string" },
      "max-failed-attempts-per-address": { type: "string" },
      issuer: { type: "string" },
      "rp-id": { type: "string" },
      "trust-proxy": { type: "boolean" },
      "smtp-host": { type: "string" },
      "smtp-port": { type: "string" },
      "smtp-user": { type: "string" },
      "smtp-from": { type: "string" },
      "smtp-secure": { type: "boolean" },
      "smtp-insecure-localhost": { type: "boolean" },
      "dev-outbox": { type: "boolean" },
      metrics: { type: "boolean" },
    },
    strict: true,
  });
  const smtpHost = values["smtp-host"];
  const secure = values["smtp-secure"] ?? false;
  const insecureLocalhost = values["smtp-insecure-localhost"] ?? false;
  if (!smtpHost && (secure || insecureLocalhost)) {
    throw new UsageError(`--${secure ? "smtp-secure" : "smtp-insecure-localhost"} needs --smtp-host`);
  }
  const smtp: SmtpOptions | undefined = smtpHost
    ? {
        host: smtpHost,
        port: integer("smtp-port", values["smtp-port"]) ?? (secure ? 465 : 587),
        from: values["smtp-from"] ?? "handoff@localhost",
        ...(secure ? { secure } : {}),
        ...(insecureLocalhost ? { insecureLocalhost } : {}),
        ...(values["smtp-user"]
          ? { user: values["smtp-user"], password: process.env.HANDOFF_SMTP_PASSWORD ?? "" }
          : {}),
      }
    : undefined;
  const devOutbox = values["dev-outbox"] ?? false;
  const port = integer("port", values.port);
  const waitTimeoutMs = integer("wait-timeout-ms", values["wait-timeout-ms"]);
  const maxWaitsPerCode = integer("max-waits-per-code", values["max-waits-per-code"]);
  const maxWaitsPerAddress = integer("max-waits-per-address", values["max-waits-per-address"]);
  const maxFailedAttemptsPerAddress = integer(
    "max-failed-attempts-per-address",
    values["max-failed-attempts-per-address"],
  );
  const metricsToken = process.env.HANDOFF_METRICS_TOKEN || undefined;
  if (values.metrics && !metricsToken) {
    process.stderr.write(
      "handoff-service: GET /metrics answers anyone who reaches this port; set HANDOFF_METRICS_TOKEN to require a bearer token.\n",
    );
  }
  const service = await startService({
    ...(port === undefined ? {} : { port }),
    ...(values.host ? { hostname: values.host } : {}),
    ...(values.db ? { database: values.db } : {}),
    ...(waitTimeoutMs === undefined ? {} : { waitTimeoutMs }),
    ...(maxWaitsPerCode === undefined ? {} : { maxWaitsPerCode }),
    ...(maxWaitsPerAddress === undefined ? {} : { maxWaitsPerAddress }),
    ...(maxFailedAttemptsPerAddress === undefined ? {} : { maxFailedAttemptsPerAddress }),
    ...(values.issuer ? { issuer: values.issuer } : {}),
    ...(values["rp-id"] ? { rpId: values["rp-id"] } : {}),
    ...(values["trust-proxy"] ? { trustProxy: true } : {}),
    ...(smtp ? { smtp } : {}),
    ...(devOutbox ? { devOutbox } : {}),
    ...(values.metrics ? { metrics: metricsToken ? { bearerToken: metricsToken } : true } : {}),
    onOutboxMail: (mail) => {
      process.stdout.write(`\n── dev outbox (not sent) ── to ${mail.to}: ${mail.subject}\n${mail.text}\n\n`);
    },
  });
  if (!smtp && !devOutbox) {
    process.stderr.write(
      "handoff-service: mail is off (no --smtp-host): add device by email (/pwless/signup) is refused and no notification mail is sent. Turn it on with --smtp-host, or --dev-outbox for development.\n",
    );
  }
  const stop = () => {
    service.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

async function createClientCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      name: { type: "string" },
      origin: { type: "string", multiple: true },
      "verification-uri": { type: "string" },
      "private-key-jwt": { type: "boolean" },
      db: { type: "string" },
      json: { type: "boolean" },
    },
    strict: true,
  });
  if (!values.name) throw new UsageError("--name is required");
  const verificationUri = values["verification-uri"];
  if (values["private-key-jwt"] && verificationUri === undefined) {
    throw new UsageError("--private-key-jwt needs --verification-uri");
  }
  const deviceGrant =
    verificationUri === undefined
      ? {}
      : {
          deviceGrant: {
            verificationUri,
            tokenEndpointAuthMethod: values["private-key-jwt"] ? ("private_key_jwt" as const) : ("none" as const),
          },
        };
  const { storage } = openStorage(values.db ?? "./handoff.db");
  try {
    await storage.migrate();
    const client = await createClient(
      storage,
      { name: values.name, origins: values.origin ?? [], ...deviceGrant },
      new Date(),
    );
    if (values.json) {
      const output = {
        client_id: client.clientId,
        namespace_id: client.namespaceId,
        private_key_jwk: client.privateKey,
        private_key_pem: client.privateKeyPem,
      };
      process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    } else {
      process.stdout.write(
        `Client created.\n  client id: ${client.clientId}\n  private key (keep it secret, it is shown once):\n${client.privateKeyPem}\n`,
      );
    }
  } finally {
    await storage.close();
  }
}

/** Runs the CLI with `argv` (without node and the script); resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "start":
        await start(rest);
        return 0;
      case "create-client":
        await createClientCommand(rest);
        return 0;
      case undefined:
      case "help":
      case "--help":
      case "-h":
        process.stdout.write(`${HELP}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    const usage =
      error instanceof UsageError ||
      (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"));
    // Options the service refuses (resolveOptions, checkMailOptions, createClient) are configuration errors too.
    const badOption = isHandoffError(error) && error.code === "invalid_argument";
    process.stderr.write(`handoff-service: ${error instanceof Error ? error.message : String(error)}\n`);
    if (usage || badOption) process.stderr.write("Run `handoff-service help` for usage.\n");
    return usage || badOption ? 2 : 1;
  }
}
