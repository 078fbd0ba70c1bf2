/** What every browser SDK call needs; built once by `createBrowserClient`. */
export interface BrowserClientConfig {
  /** Service base URL without a trailing slash. */
  baseUrl: string;
  /** The client id the service issued. */
  clientId: string;
  /** The fetch to use. */
  fetch: typeof fetch;
  /** Per-request timeout in milliseconds, or `false` for none. */
  timeoutMs: number | false;
}
