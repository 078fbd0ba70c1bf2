/** Options of `createBrowserClient`, and of the standalone passkey and device-key functions. */
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
