import { HandoffError } from "@handoff/types";
import type { BrowserClientConfig } from "./internal/config.js";
import { detectWebAuthn, type WebAuthnSupport } from "./webauthn/detect-webauthn.js";

/** Options of {@link createBrowserClient}. */
export interface BrowserClientOptions {
  /** The Handoff service URL, e.g. `https://auth.example.com`. */
  baseUrl: string;
  /** The client id your service issued. */
  clientId: string;
  /** Per-request timeout in milliseconds, or `false` for none. Waits use their own. Default: 30 000. */
  timeoutMs?: number | false;
  /** A fetch to use instead of the global one. */
  fetch?: typeof fetch;
}

/** The browser SDK. */
export interface BrowserClient {
  /** What this browser can do with passkeys. Never throws. */
  detectWebAuthn(): Promise<WebAuthnSupport>;
}

/**
 * Creates the browser SDK for one service and client.
 *
 * @example
 * const client = createBrowserClient({ baseUrl: "https://auth.example.com", clientId });
 * const support = await client.detectWebAuthn();
 *
 * @throws {HandoffError} `invalid_argument` for a malformed `baseUrl` or an empty `clientId`.
 */
export function createBrowserClient(options: BrowserClientOptions): BrowserClient {
  const config = resolveConfig(options);
  void config;
  return {
    detectWebAuthn,
  };
}

function resolveConfig(options: BrowserClientOptions): BrowserClientConfig {
  let url: URL;
  try {
    url = new URL(options.baseUrl);
  } catch (cause) {
    throw new HandoffError("invalid_argument", "baseUrl must be an absolute http(s) URL.", { cause });
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new HandoffError("invalid_argument", "baseUrl must be an absolute http(s) URL.");
  }
  if (typeof options.clientId !== "string" || options.clientId.trim() === "") {
    throw new HandoffError("invalid_argument", "clientId must be a non-empty string.");
  }
  const timeoutMs = options.timeoutMs ?? 30_000;
  if (timeoutMs !== false && (!Number.isFinite(timeoutMs) || timeoutMs <= 0)) {
    throw new HandoffError("invalid_argument", "timeoutMs must be a positive number or false.");
  }
  const fetchImpl = options.fetch ?? globalThis.fetch?.bind(globalThis);
  if (typeof fetchImpl !== "function")
    throw new HandoffError("invalid_argument", "No fetch is available; pass options.fetch.");
  return { baseUrl: url.href.replace(/\/+$/, ""), clientId: options.clientId, fetch: fetchImpl, timeoutMs };
}
