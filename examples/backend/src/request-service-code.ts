import { HandoffError } from "@handoff/server";

/** The service's add-device signup (`ENDPOINTS.pwlessSignup.path` in `@handoff/types`). */
const PWLESS_SIGNUP_PATH = "/pwless/signup";

/** How long the service may take to answer, in milliseconds. */
const TIMEOUT_MS = 10_000;

/** Where and as which client to ask the service for a code. */
export interface ServiceCodeTarget {
  /** The service URL as this backend reaches it, without a trailing slash. */
  baseUrl: string;
  /** This app's client id. */
  clientId: string;
  /** The fetch to use. Default: `globalThis.fetch`. */
  fetch?: typeof fetch;
}

/**
 * What became of the request: `"sent"` (the service mailed a new code) or `"limited"` (the
 * service's 5 codes per email and 15 minutes were used up: it mailed nothing, the last code it
 * mailed still works).
 */
export type ServiceCodeResult = "sent" | "limited";

/**
 * Has the **service** email an add-device security code ("Your security code") to `email`:
 * `POST /pwless/signup { client_id, email }`, as the browser SDK's `requestDeviceCode` does, but
 * from the backend. A code the service mailed proves the email when it is used, so it verifies an
 * account a passkey sign-up made and revokes what was registered under it before (see the
 * service's security model, "Accounts"); a code the backend generates and mails itself cannot.
 *
 * @throws {HandoffError} `service_unavailable` (the service answered 5xx: its mail is off or
 * failed), `network_error`, `timeout`; an `Error` for any other refusal (a bug).
 *
 * @example
 * await requestServiceCode({ baseUrl: "http://127.0.0.1:8787", clientId }, "ada@example.com");
 */
export async function requestServiceCode(target: ServiceCodeTarget, email: string): Promise<ServiceCodeResult> {
  const { baseUrl, clientId, fetch: send = globalThis.fetch } = target;
  const path = PWLESS_SIGNUP_PATH;
  let response: Response;
  try {
    response = await send(`${baseUrl}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ client_id: clientId, email }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === "TimeoutError";
    throw new HandoffError(
      timedOut ? "timeout" : "network_error",
      timedOut ? "The service did not answer in time." : "The service could not be reached.",
      { cause: error, details: { path } },
    );
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) return "sent";
  if (response.status === 429) return "limited";
  if (response.status >= 500) {
    throw new HandoffError("service_unavailable", "The service could not mail a security code.", {
      status: response.status,
      details: { path },
    });
  }
  const code = typeof body === "object" && body !== null ? (body as { code?: unknown }).code : undefined;
  throw new Error(`${path} answered ${response.status} ${String(code)}`);
}
