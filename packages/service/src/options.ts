import type { CodeType } from "@handoff/types";
import type { Logger } from "./logger.js";
import type { OutboxMail } from "./mail/mailer.js";

/** SMTP settings for emailing security codes. */
export interface SmtpOptions {
  host: string;
  port: number;
  /** Use TLS from the start (port 465). Default: `false` (STARTTLS when offered). */
  secure?: boolean;
  user?: string;
  password?: string;
  /** Sender address. */
  from: string;
}

/** How the service is configured; every field has a default. */
export interface ServiceOptions {
  /** Port to listen on; `0` picks a free one. Default: 8787. */
  port?: number;
  /** Interface to listen on. Default: `"127.0.0.1"`. */
  hostname?: string;
  /**
   * SQLite file path, `":memory:"`, or a `postgres://user:password@host:5432/database` URL
   * (Postgres: several instances behind a load balancer share it). Default: `"./handoff.db"`.
   */
  database?: string;
  /** How long a wait is held before answering `408 wait_timeout`. Default: 120 000 (the seed's 2 minutes). */
  waitTimeoutMs?: number;
  /**
   * Waits held at once on one code; one more answers `429 too_many_attempts` with `Retry-After`.
   * The device that shows the code holds one, two while it re-issues. Counted per service
   * instance (a wait is a connection held by one process). Default: 4.
   */
  maxWaitsPerCode?: number;
  /**
   * Waits held at once from one client address (an IPv6 address counts as its /64; the address
   * is the first `X-Forwarded-For` hop with `trustProxy`), over all codes; one more answers `429
   * too_many_attempts` with `Retry-After`. Offices behind one NAT share an address. Counted per
   * service instance. Default: 64.
   */
  maxWaitsPerAddress?: number;
  /** Lifetime of each code type, in milliseconds. Default: short 5 min, long 10 min, phrase 10 min. */
  codeLifetimeMs?: Partial<Record<CodeType, number>>;
  /** Wrong codes accepted per user and purpose before a lock-out. Default: 10. */
  maxFailedAttempts?: number;
  /** Length of the attempt window and of the lock-out, in milliseconds. Default: 15 min. */
  lockoutMs?: number;
  /** How often expired codes are deleted (they are kept an hour past expiry), in milliseconds. Default: 600 000. */
  purgeIntervalMs?: number;
  /** Lifetime of user JWTs, in seconds. Default: 900. */
  jwtLifetimeSeconds?: number;
  /** `iss` of user JWTs. Default: the service's URL. */
  issuer?: string;
  /** Largest accepted request body, in bytes. Default: 65 536. */
  maxBodyBytes?: number;
  /** SMTP for security codes; without it, mail goes to the in-memory outbox (`service.outbox`). */
  smtp?: SmtpOptions;
  /** WebAuthn relying party id. Default: the hostname of the client's first origin. */
  rpId?: string;
  /** WebAuthn relying party name shown by authenticators. Default: `"Handoff"`. */
  rpName?: string;
  /**
   * Whether the service runs behind a reverse proxy it trusts: the requester's IP (shown to the
   * approving device) is then the first hop of `X-Forwarded-For`. Leave it off when clients reach
   * the service directly, or anyone could claim any address. Default: `false` (the socket's
   * address).
   */
  trustProxy?: boolean;
  /** Called with each mail the outbox keeps (no SMTP configured); the CLI prints them. */
  onOutboxMail?: (mail: OutboxMail) => void;
  /** Structured log sink, or `false` for none. Default: JSON lines on stdout. */
  logger?: Logger | false;
  /** Clock, for tests. Default: `Date.now`. */
  now?: () => number;
}

/** Options with every default filled in. */
export type ResolvedOptions = Required<
  Omit<ServiceOptions, "smtp" | "rpId" | "issuer" | "logger" | "codeLifetimeMs" | "onOutboxMail">
> & {
  smtp: SmtpOptions | undefined;
  rpId: string | undefined;
  issuer: string | undefined;
  logger: Logger;
  codeLifetimeMs: Record<CodeType, number>;
};

const MINUTE = 60_000;

/** Fills in the defaults and checks the ranges. */
export function resolveOptions(options: ServiceOptions, defaultLogger: Logger): ResolvedOptions {
  const resolved: ResolvedOptions = {
    port: options.port ?? 8787,
    hostname: options.hostname ?? "127.0.0.1",
    database: options.database ?? "./handoff.db",
    waitTimeoutMs: options.waitTimeoutMs ?? 120_000,
    maxWaitsPerCode: options.maxWaitsPerCode ?? 4,
    maxWaitsPerAddress: options.maxWaitsPerAddress ?? 64,
    codeLifetimeMs: { short: 5 * MINUTE, long: 10 * MINUTE, phrase: 10 * MINUTE, ...options.codeLifetimeMs },
    maxFailedAttempts: options.maxFailedAttempts ?? 10,
    lockoutMs: options.lockoutMs ?? 15 * MINUTE,
    purgeIntervalMs: options.purgeIntervalMs ?? 600_000,
    jwtLifetimeSeconds: options.jwtLifetimeSeconds ?? 900,
    issuer: options.issuer,
    maxBodyBytes: options.maxBodyBytes ?? 64 * 1024,
    smtp: options.smtp,
    rpId: options.rpId,
    rpName: options.rpName ?? "Handoff",
    trustProxy: options.trustProxy ?? false,
    logger: options.logger === false ? () => {} : (options.logger ?? defaultLogger),
    now: options.now ?? Date.now,
  };
  const positive: [string, number][] = [
    ["waitTimeoutMs", resolved.waitTimeoutMs],
    ["maxFailedAttempts", resolved.maxFailedAttempts],
    ["lockoutMs", resolved.lockoutMs],
    ["jwtLifetimeSeconds", resolved.jwtLifetimeSeconds],
    ["purgeIntervalMs", resolved.purgeIntervalMs],
    ["maxBodyBytes", resolved.maxBodyBytes],
    ...Object.entries(resolved.codeLifetimeMs).map(([type, value]): [string, number] => [
      `codeLifetimeMs.${type}`,
      value,
    ]),
  ];
  for (const [name, value] of positive) {
    if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive number, got ${value}`);
  }
  for (const [name, value] of [
    ["maxWaitsPerCode", resolved.maxWaitsPerCode],
    ["maxWaitsPerAddress", resolved.maxWaitsPerAddress],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  }
  if (!Number.isInteger(resolved.port) || resolved.port < 0 || resolved.port > 65535) {
    throw new RangeError(`port must be 0–65535, got ${resolved.port}`);
  }
  return resolved;
}
