import type { AddressInfo } from "node:net";
import { HandoffError } from "@handoff/types";
import { serve } from "@hono/node-server";
import { createApp } from "./app.js";
import { type CreateClientOptions, type CreatedClient, createClient } from "./clients.js";
import { wholeSeconds } from "./codes/attempts.js";
import type { ServiceContext } from "./context.js";
import { type DeviceGrantOptions, deviceGrantSettings } from "./device-grant/device-grant-settings.js";
import { SIGNUP_WINDOW_MS } from "./device-keys/signup-limits.js";
import { answerClientErrors } from "./http/client-errors.js";
import { SigningKeys } from "./keys/signing-keys.js";
import { jsonLinesLogger } from "./logger.js";
import { createMailer } from "./mail/create-mailer.js";
import type { OutboxMail } from "./mail/mailer.js";
import { createServiceMetrics } from "./metrics/service-metrics.js";
import { resolveOptions, type ServiceOptions } from "./options.js";
import { openStorage } from "./storage/open-storage.js";
import { startPurgeTimer } from "./storage/purge-timer.js";
import { createWaitHub } from "./wait/create-wait-hub.js";
import { type HeldWaitCounts, WaitLimits } from "./wait/wait-limits.js";

/** How a signing-key rotation proceeds. */
export interface RotateSigningKeyOptions {
  /**
   * Delay between publishing the new key in the JWKS and signing with it, in milliseconds, so
   * verifiers with a cached JWKS (jose re-fetches for an unknown `kid` at most every 30 s) never
   * meet a token they cannot verify yet. Default: 60 000.
   */
  activateInMs?: number;
}

/** A running service. */
export interface RunningService {
  /** Base URL, e.g. `http://127.0.0.1:8787`. */
  readonly url: string;
  /** Creates a client (a backend) and returns its id and private key. */
  createClient(options: CreateClientOptions): Promise<CreatedClient>;
  /**
   * Sets (or, with `null`, removes) how an existing client uses the OAuth device authorization
   * grant: its verification page and how it authenticates.
   *
   * @throws {HandoffError} `invalid_argument` for settings `createClient` would refuse, or an unknown client.
   */
  setDeviceGrant(clientId: string, options: DeviceGrantOptions | null): Promise<void>;
  /** Mail kept by the dev outbox (`devOutbox`), newest last; empty otherwise. */
  readonly outbox: readonly OutboxMail[];
  /**
   * Creates a new signing key for user JWTs: published at once, signing after `activateInMs`;
   * older keys stay published. Returns the new `kid`.
   */
  rotateSigningKey(options?: RotateSigningKeyOptions): Promise<string>;
  /** Waits currently held open. */
  readonly pendingWaits: number;
  /** Stops accepting requests, answers pending waits (503, call again), closes the database. */
  close(): Promise<void>;
}

/** Each running service's wait limits, for {@link heldWaitCounts}. */
const waitLimitsOf = new WeakMap<RunningService, WaitLimits>();

/**
 * How many codes and client addresses hold a wait on `service` now: both 0 once every wait has
 * ended. For the package's tests; not exported by the package.
 */
export function heldWaitCounts(service: RunningService): HeldWaitCounts {
  const limits = waitLimitsOf.get(service);
  if (!limits) throw new Error("Not a service started by startService.");
  return limits.counts;
}

/** How often instances sharing a database re-read the clients' browser origins. */
const ORIGINS_REFRESH_MS = 30_000;

/**
 * Starts the Handoff service: opens (and migrates) the database, loads or creates the signing
 * key, and listens.
 *
 * @example
 * const service = await startService({ port: 0, database: ":memory:", logger: false, devOutbox: true });
 * const { clientId, privateKey } = await service.createClient({ name: "demo", origins: ["http://localhost:5173"] });
 * // … call service.url with @handoff/server …
 * await service.close();
 */
export async function startService(options: ServiceOptions = {}): Promise<RunningService> {
  const resolved = resolveOptions(options, jsonLinesLogger);
  const now = () => new Date(resolved.now());
  const { storage, codeEvents, shared } = openStorage(resolved.database, { logger: resolved.logger });
  await storage.migrate();
  const keys = new SigningKeys(storage);
  await keys.load(now());
  const codeSecret = await storage.keys.getOrCreateSecret("code_hmac", () =>
    Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url"),
  );
  // Listening before the HTTP server starts: no code event of another instance is missed.
  const waits = await createWaitHub(codeEvents, resolved.logger);
  const mailer = createMailer(resolved, options.onOutboxMail);

  let url = "";
  const context: ServiceContext = {
    options: resolved,
    storage,
    keys,
    waits: waits.hub,
    waitLimits: new WaitLimits({
      maxPerCode: resolved.maxWaitsPerCode,
      maxPerAddress: resolved.maxWaitsPerAddress,
      retryAfterSeconds: Math.ceil(resolved.waitTimeoutMs / 1000),
    }),
    mailer,
    codeSecret,
    addressLimiters: {
      perAddress: storage.createRateLimiter({
        keyPrefix: "wrong-code-address",
        points: resolved.maxFailedAttemptsPerAddress,
        durationSeconds: wholeSeconds(resolved.lockoutMs),
      }),
      perAddressAndUser: storage.createRateLimiter({
        keyPrefix: "wrong-code-address-user",
        points: resolved.maxFailedAttemptsPerAddressAndUser,
        durationSeconds: wholeSeconds(resolved.lockoutMs),
      }),
      signupsPerAddress: storage.createRateLimiter({
        keyPrefix: "signup-address",
        points: resolved.maxSignupsPerAddress,
        durationSeconds: SIGNUP_WINDOW_MS / 1000,
      }),
      passkeyInitsPerAddress: storage.createRateLimiter({
        keyPrefix: "passkey-init-address",
        points: resolved.maxPasskeyInitsPerAddress,
        durationSeconds: wholeSeconds(resolved.lockoutMs),
      }),
      deviceAuthorizationsPerAddress: storage.createRateLimiter({
        keyPrefix: "device-authorization-address",
        points: resolved.maxDeviceAuthorizationsPerAddress,
        durationSeconds: wholeSeconds(resolved.lockoutMs),
      }),
    },
    issuer: () => resolved.issuer ?? url,
    now,
    metrics: createServiceMetrics(() => waits.hub.size),
    closing: { value: false },
  };

  let origins = new Set<string>();
  const refreshOrigins = async () => {
    origins = new Set((await storage.clients.list()).flatMap((client) => client.origins));
  };
  await refreshOrigins();
  // With a shared database, clients created by another instance (or the CLI) are allowed
  // cross-origin within ORIGINS_REFRESH_MS.
  const originsTimer = shared
    ? setInterval(() => {
        refreshOrigins().catch((error: unknown) =>
          resolved.logger({ level: "warn", msg: "client origins not refreshed", error: String(error) }),
        );
      }, ORIGINS_REFRESH_MS).unref()
    : undefined;

  const app = createApp(context, () => origins);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const instance = serve({ fetch: app.fetch, port: resolved.port, hostname: resolved.hostname }, () =>
      resolve(instance),
    );
    instance.once("error", reject);
    answerClientErrors(instance);
  }).catch(async (error: unknown) => {
    // A pooled database (and its LISTEN session) would otherwise keep the process alive.
    await waits.stop();
    await codeEvents.close();
    await storage.close();
    throw error;
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  url = `http://${host}:${address.port}`;
  resolved.logger({ level: "info", msg: "listening", url });

  // Rows that ended (expired codes an hour later) are deleted, whoever wrote them: anonymous
  // requests must not grow the database without bound.
  const stopPurging = startPurgeTimer(storage, { intervalMs: resolved.purgeIntervalMs, now, logger: resolved.logger });

  let closed: Promise<void> | undefined;
  const running: RunningService = {
    url,
    outbox: mailer?.outbox ?? [],
    get pendingWaits() {
      return context.waits.size;
    },
    async createClient(clientOptions) {
      const created = await createClient(storage, clientOptions, now());
      await refreshOrigins();
      return created;
    },
    async setDeviceGrant(clientId, deviceGrant) {
      const settings = deviceGrant === null ? null : deviceGrantSettings(deviceGrant);
      if (!(await storage.clients.setDeviceGrant(clientId, settings))) {
        throw new HandoffError("invalid_argument", "No client with this id.");
      }
    },
    rotateSigningKey: ({ activateInMs = 60_000 } = {}) => keys.rotate(now(), activateInMs),
    close() {
      closed ??= (async () => {
        context.closing.value = true;
        clearInterval(originsTimer);
        context.waits.closeAll();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          if ("closeIdleConnections" in server) server.closeIdleConnections();
        });
        await waits.stop();
        await codeEvents.close();
        await stopPurging();
        await storage.close();
        resolved.logger({ level: "info", msg: "closed" });
      })();
      return closed;
    },
  };
  waitLimitsOf.set(running, context.waitLimits);
  return running;
}
