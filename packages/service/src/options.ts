import { type CodeType, HandoffError } from "@handoff/types";
import type { Logger } from "./logger.js";
import { checkMailOptions } from "./mail/check-mail-options.js";
import type { OutboxMail } from "./mail/mailer.js";
import type { SmtpOptions } from "./mail/smtp-options.js";

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
  /** How long a wait is held before answering `408 wait_timeout`. Default: 120 000 ([contract: the wait](../../../docs/contract.md#the-wait)). */
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
  /**
   * Wrong codes the client's backend (calls with a service token: authorize, an authenticated
   * wait) may send per user and purpose in a window of `lockoutMs`; the next one locks that user
   * and purpose out for the rest of the window and deletes their live codes. Anonymous callers
   * never count here. Default: 10.
   */
  maxFailedAttempts?: number;
  /**
   * Wrong codes one client address (an IPv6 /64) may send to the public endpoints (the wait,
   * `/pwless/devices`, `credentials/fido2/init`) in a window of `lockoutMs` for one user (or
   * unknown username); then `429` for that user from that address until the window ends. Keep it
   * below `maxGuessesPerCode`, so that one address can never spend a code. Counted before a code
   * is compared; a right code gives its attempt back. Shared by every instance on Postgres.
   * Default: 10.
   */
  maxFailedAttemptsPerAddressAndUser?: number;
  /**
   * Wrong codes one client address may send to the public endpoints in a window of `lockoutMs`,
   * over all users: one address cannot spray many users' codes. Counted like
   * `maxFailedAttemptsPerAddressAndUser`. Default: 100.
   */
  maxFailedAttemptsPerAddress?: number;
  /**
   * Security-code mails (`/pwless/signup`) one client address may ask for in 15 minutes, whatever
   * emails it names (each email also gets at most 5): one address cannot mail-bomb many people.
   * Default: 20.
   */
  maxSignupsPerAddress?: number;
  /**
   * Passkey ceremonies one client address (an IPv6 /64) may start in a window of `lockoutMs`:
   * sign-in `init` (named and username-less) and sign-up `init`, which anyone can call and which
   * each store a challenge until it expires. One more answers `429 too_many_attempts` with
   * `Retry-After`. A page that offers passkey autofill starts one on every view, so leave room
   * for offices behind one NAT. Shared by every instance on Postgres. Default: 300.
   */
  maxPasskeyInitsPerAddress?: number;
  /**
   * OAuth device authorizations (RFC 8628, `POST /oauth/device_authorization`) one client address
   * (an IPv6 /64) may start in a window of `lockoutMs`; one more answers `429
   * temporarily_unavailable` with `Retry-After`. Each stores a row until the purge deletes it.
   * Shared by every instance on Postgres. Default: 100.
   */
  maxDeviceAuthorizationsPerAddress?: number;
  /** Lifetime of a device authorization's device and user codes, in milliseconds (`expires_in`). Default: 10 min. */
  deviceAuthorizationLifetimeMs?: number;
  /**
   * Seconds a device must wait between polls of the token endpoint (`interval`); a faster poll
   * answers `slow_down` and adds 5 s for good (RFC 8628 §3.5). Default: 5.
   */
  devicePollIntervalSeconds?: number;
  /**
   * Whether passkey sign-in `init` may tell usernames apart: `true` lists a user's passkeys in
   * `allowCredentials` and answers `404 no_credentials` for an unknown username or a user without
   * passkeys (the browser can then say "no passkey for this account on this device" at once, and
   * non-discoverable security-key credentials work). `false` answers every username with the same
   * options, naming no credential, and a challenge that fails at `complete` like a wrong passkey,
   * so sign-in says nothing about who has an account; the passkey must then be discoverable
   * ([contract: user enumeration](../../../docs/contract.md#passkeys-webauthn)). Username-less
   * sign-in never reveals anyone either way. Default: `false`.
   */
  revealPasskeyUsers?: boolean;
  /**
   * Wrong codes from anonymous callers (all addresses together) that one code survives: at this
   * many, the code is deleted and its waits are told `code_invalidated`. Bounds a distributed
   * guesser; see the security model for the math. Default: 30.
   */
  maxGuessesPerCode?: number;
  /** Length of the attempt windows and of the lock-out, in milliseconds. Default: 15 min. */
  lockoutMs?: number;
  /**
   * How often rows that ended are deleted, in milliseconds: expired challenges and nonces, ended
   * attempt windows, and codes an hour past their expiry. Default: 600 000.
   */
  purgeIntervalMs?: number;
  /** Lifetime of user JWTs, in seconds. Default: 900. */
  jwtLifetimeSeconds?: number;
  /** `iss` of user JWTs. Default: the service's URL. */
  issuer?: string;
  /** Largest accepted request body, in bytes. Default: 65 536. */
  maxBodyBytes?: number;
  /**
   * SMTP for the mails the service sends (add-device security codes, "a device was added").
   * Without it (and without `devOutbox`), `/pwless/signup` answers `503 service_unavailable`
   * and notifications are not sent.
   */
  smtp?: SmtpOptions;
  /**
   * Development only: keep mail in memory (`service.outbox`, `onOutboxMail`) instead of sending
   * it, so anyone who reads it (or the CLI's output) gets the security codes. Not with `smtp`.
   * Default: `false`.
   */
  devOutbox?: boolean;
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
  /**
   * Serve Prometheus metrics at `GET /metrics` (requests by route and status, waits held, wake-up
   * latency, 429s). `true`: to whoever reaches the service, so only where the port is private;
   * `{ bearerToken }`: only with `Authorization: Bearer <bearerToken>` (CLI: `--metrics` and
   * `HANDOFF_METRICS_TOKEN`). Default: `false` (no route).
   */
  metrics?: boolean | { bearerToken: string };
  /** Called with each mail the dev outbox keeps (`devOutbox`); the CLI prints them. */
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

/**
 * Fills in the defaults and checks the ranges.
 *
 * @throws {HandoffError} `invalid_argument` naming the first option out of range (the CLI exits 2 on it).
 */
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
    maxFailedAttemptsPerAddressAndUser: options.maxFailedAttemptsPerAddressAndUser ?? 10,
    maxFailedAttemptsPerAddress: options.maxFailedAttemptsPerAddress ?? 100,
    maxSignupsPerAddress: options.maxSignupsPerAddress ?? 20,
    maxGuessesPerCode: options.maxGuessesPerCode ?? 30,
    maxPasskeyInitsPerAddress: options.maxPasskeyInitsPerAddress ?? 300,
    maxDeviceAuthorizationsPerAddress: options.maxDeviceAuthorizationsPerAddress ?? 100,
    deviceAuthorizationLifetimeMs: options.deviceAuthorizationLifetimeMs ?? 10 * MINUTE,
    devicePollIntervalSeconds: options.devicePollIntervalSeconds ?? 5,
    revealPasskeyUsers: options.revealPasskeyUsers ?? false,
    lockoutMs: options.lockoutMs ?? 15 * MINUTE,
    purgeIntervalMs: options.purgeIntervalMs ?? 600_000,
    jwtLifetimeSeconds: options.jwtLifetimeSeconds ?? 900,
    issuer: options.issuer,
    maxBodyBytes: options.maxBodyBytes ?? 64 * 1024,
    smtp: options.smtp,
    devOutbox: options.devOutbox ?? false,
    rpId: options.rpId,
    rpName: options.rpName ?? "Handoff",
    trustProxy: options.trustProxy ?? false,
    metrics: options.metrics ?? false,
    logger: options.logger === false ? () => {} : (options.logger ?? defaultLogger),
    now: options.now ?? Date.now,
  };
  const positive: [string, number][] = [
    ["waitTimeoutMs", resolved.waitTimeoutMs],
    ["maxFailedAttempts", resolved.maxFailedAttempts],
    ["maxFailedAttemptsPerAddressAndUser", resolved.maxFailedAttemptsPerAddressAndUser],
    ["maxFailedAttemptsPerAddress", resolved.maxFailedAttemptsPerAddress],
    ["maxSignupsPerAddress", resolved.maxSignupsPerAddress],
    ["maxGuessesPerCode", resolved.maxGuessesPerCode],
    ["maxPasskeyInitsPerAddress", resolved.maxPasskeyInitsPerAddress],
    ["maxDeviceAuthorizationsPerAddress", resolved.maxDeviceAuthorizationsPerAddress],
    ["deviceAuthorizationLifetimeMs", resolved.deviceAuthorizationLifetimeMs],
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
    if (!Number.isFinite(value) || value <= 0)
      throw new HandoffError("invalid_argument", `${name} must be a positive number, got ${value}`);
  }
  for (const [name, value] of [
    ["maxWaitsPerCode", resolved.maxWaitsPerCode],
    ["maxWaitsPerAddress", resolved.maxWaitsPerAddress],
    ["devicePollIntervalSeconds", resolved.devicePollIntervalSeconds],
  ] as const) {
    if (!Number.isInteger(value) || value < 1)
      throw new HandoffError("invalid_argument", `${name} must be a positive integer, got ${value}`);
  }
  if (!Number.isInteger(resolved.port) || resolved.port < 0 || resolved.port > 65535) {
    throw new HandoffError("invalid_argument", `port must be 0–65535, got ${resolved.port}`);
  }
  if (typeof resolved.metrics === "object" && !(resolved.metrics.bearerToken?.length >= 16)) {
    throw new HandoffError("invalid_argument", "metrics.bearerToken must be a string of at least 16 characters");
  }
  checkMailOptions(resolved.smtp, resolved.devOutbox);
  return resolved;
}
