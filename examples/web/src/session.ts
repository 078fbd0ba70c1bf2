// The shared state of the app: the Handoff browser client, and what happens after sign-in.
import { type BrowserClient, createBrowserClient, type Session } from "@handoff/browser";
import { api, type Config, type Me } from "./api.ts";

let client: BrowserClient | undefined;

/** Creates the Handoff client from the backend's `/api/config`. */
export function initClient(config: Config): BrowserClient {
  client = createBrowserClient({ baseUrl: config.serviceUrl, clientId: config.clientId });
  return client;
}

/** The Handoff client (after {@link initClient}). */
export function handoff(): BrowserClient {
  if (!client) throw new Error("initClient was not called");
  return client;
}

/**
 * Finishes any Handoff flow: the backend verifies the JWT and sets its own session cookie. The
 * JWT is not kept in the page.
 */
export function completeSignIn(session: Session): Promise<Me> {
  return api.createSession(session.jwt);
}
