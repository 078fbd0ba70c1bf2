import type { Context } from "hono";
import type { ServiceContext } from "../context.js";
import { fail } from "../http/fail.js";
import { assertOriginAllowed } from "../http/middleware.js";
import type { ClientRecord } from "../storage/records.js";

/** Who the passkeys are for: the WebAuthn relying party of one client. */
export interface RelyingParty {
  /** RP ID: `options.rpId`, or the hostname of the client's first origin. */
  id: string;
  /** Name authenticators show (`options.rpName`). */
  name: string;
  /** Origins a ceremony may come from: the client's own. */
  origins: string[];
}

/**
 * Loads the client of a passkey request and its relying party. A browser's `Origin` header must
 * be one of the client's origins; the origin inside the signed client data is checked again at
 * verification.
 *
 * @throws `invalid_request` (unknown client), `origin_not_allowed` (foreign origin, or a client
 * without any origin: passkeys are bound to one).
 */
export async function loadRelyingParty(
  c: Context,
  context: ServiceContext,
  clientId: string,
): Promise<{ client: ClientRecord; rp: RelyingParty }> {
  const client = await context.storage.clients.get(clientId);
  if (!client) throw fail("invalid_request", "Unknown client_id.");
  assertOriginAllowed(c.req.header("origin"), client.origins);
  return { client, rp: relyingPartyOf(context, client) };
}

/**
 * The relying party of a client already known (from its request or its service token): RP ID
 * `options.rpId`, else the hostname of its first origin.
 *
 * @throws `origin_not_allowed` for a client without any origin (passkeys are bound to one).
 */
export function relyingPartyOf(context: ServiceContext, client: ClientRecord): RelyingParty {
  const [first] = client.origins;
  if (first === undefined) throw fail("origin_not_allowed", "This client has no browser origin for passkeys.");
  return { id: context.options.rpId ?? new URL(first).hostname, name: context.options.rpName, origins: client.origins };
}
