import { type AuthenticationResponse, authenticationResponseSchema } from "@handoff/types";
import type { Context } from "hono";
import type { ServiceContext } from "../context.js";
import { reply } from "../http/json.js";
import type { ClientRecord, UserRecord } from "../storage/records.js";
import { credentialUuid } from "./credential-uuid.js";

/**
 * Answers a successful passkey ceremony with the seed's Step 6 body: a signed user JWT and the
 * passkey as the session's credential (`type: "fido2"`).
 */
export async function replySession(
  c: Context,
  context: ServiceContext,
  client: ClientRecord,
  user: UserRecord,
  credential: { id: string; name: string },
): Promise<Response> {
  const jwt = await context.keys.signUserJwt({
    issuer: context.issuer(),
    clientId: client.id,
    userId: user.id,
    username: user.username,
    lifetimeSeconds: context.options.jwtLifetimeSeconds,
    now: context.now().getTime(),
  });
  const body: AuthenticationResponse = {
    client: { id: client.id, type: "directweb" },
    credential: { uuid: credentialUuid(credential.id), type: "fido2", name: credential.name },
    user: { id: user.id, username: user.username, namespace_id: user.namespaceId },
    jwt,
    is_authenticated: true,
  };
  return reply(c, authenticationResponseSchema, body);
}
