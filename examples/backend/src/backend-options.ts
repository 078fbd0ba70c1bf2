import type { ServerClientOptions } from "@handoff/server";

/** Where the add-device codes are mailed. */
export interface SmtpOptions {
  /** SMTP host. Default: `"127.0.0.1"` (the dev inbox). */
  host?: string;
  /** SMTP port. Default: 2525 (the dev inbox). */
  port?: number;
  /** Use TLS from the start (port 465). Default: `false`. */
  secure?: boolean;
  /** Sender address. Default: `"Handoff example <no-reply@example.localhost>"`. */
  from?: string;
}

/** A fixed-window limit on the unauthenticated start endpoints, per client IP. */
export interface RateLimitOptions {
  /** Requests allowed per window. Default: 10. */
  limit?: number;
  /** Window length in milliseconds. Default: 60 000. */
  windowMs?: number;
}

/**
 * Options of `createBackend` / `createBackendApp`.
 *
 * @example
 * const options: BackendOptions = {
 *   handoff: { baseUrl: "http://127.0.0.1:8787", clientId, privateKey },
 *   smtp: { host: "127.0.0.1", port: 2525 },
 * };
 */
export interface BackendOptions {
  /** How to reach the Handoff service as this app's client (`createServerClient` options). */
  handoff: ServerClientOptions;
  /** The service URL as the browser reaches it (served by `/api/config`). Default: `handoff.baseUrl`. */
  publicServiceUrl?: string;
  /** Port to listen on; `0` picks a free one. Default: 3000. */
  port?: number;
  /** Interface to listen on. Default: `"127.0.0.1"`. */
  hostname?: string;
  /** Mail delivery for add-device codes. Default: the dev inbox on `127.0.0.1:2525`. */
  smtp?: SmtpOptions;
  /**
   * Read the client IP from `X-Forwarded-For` (set it when a proxy you run, such as Vite's dev
   * server, is the only way in). Default: `false` (the socket's address).
   */
  trustProxy?: boolean;
  /** Mark the session cookie `Secure` (do it whenever the site is served over HTTPS). Default: `false`. */
  secureCookies?: boolean;
  /** How long a session lasts, in milliseconds. Default: 28 800 000 (8 hours). */
  sessionTtlMs?: number;
  /** Limit on the start endpoints per IP, or `false` for none. Default: 10 per minute. */
  rateLimit?: RateLimitOptions | false;
  /**
   * Let a session not made with the device's own passkey or device key (a one-time sign-in: the
   * token's `credential.type` is `"code"`, or a token that does not say) approve other devices'
   * one-time sign-ins. Default: `false`: a device signed in once was vouched for by
   * another device this time only, so it cannot vouch for a third (a phisher who got one approval
   * does not get to approve their own devices); it can still deny.
   */
  oneTimeSessionsMayApprove?: boolean;
  /** Pending one-time requests kept per user; the oldest is dropped. Default: 5. */
  maxPendingPerUser?: number;
  /** Where unexpected errors are reported (never with codes or tokens). Default: `console.error`. */
  onError?: (error: unknown) => void;
}
