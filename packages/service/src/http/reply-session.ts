import { type AuthenticationResponse, authenticationResponseSchema, type SessionCredentialType } from "@handoff/types";
import type { Context } from "hono";
import type { ServiceContext } from "../context.js";
import type { ClientRecord, UserRecord } from "../storage/records.js";
import { reply } from "./json.js";

/** The credential a session was made with, as the [session answer](../../../../docs/contract.md#the-session-answer) names it. */
export interface SessionCredential {
  uuid: string;
  type: SessionCredentialType;
  name: string;
  /**
   * The id the credential endpoints use for it, when it differs from `uuid` (a passkey's
   * WebAuthn credential id): the JWT's `credential_id`.
   */
  id?: string;
}

/**
 * Answers every successful authentication the same way, with a user JWT signed by the service's
 * active key ([contract: the session answer](../../../../docs/contract.md#the-session-answer)).
 */
export async function replySession(
  c: Context,
  context: ServiceContext,
  client: ClientRecord,
  user: UserRecord,
  credential: SessionCredential,
): Promise<Response> {
  const jwt = await context.keys.signUserJwt({
    issuer: context.issuer(),
    clientId: client.id,
    userId: user.id,
    username: user.username,
    credential: { type: credential.type, id: credential.id ?? credential.uuid },
    lifetimeSeconds: context.options.jwtLifetimeSeconds,
    now: context.now().getTime(),
  });
  const body: AuthenticationResponse = {
    client: { id: client.id, type: "directweb" },
    credential: { uuid: credential.uuid, type: credential.type, name: credential.name },
    user: { id: user.id, username: user.username, namespace_id: user.namespaceId },
    jwt,
    is_authenticated: true,
  };
  return reply(c, authenticationResponseSchema, body);
}
