import type { Context } from "hono";
import type { ServiceContext } from "../context.js";
import { replySession } from "../http/reply-session.js";
import type { ClientRecord, UserRecord } from "../storage/records.js";
import { credentialUuid } from "./credential-uuid.js";

/**
 * Answers a successful passkey ceremony with the passkey as the credential
 * ([contract: the session answer](../../../../docs/contract.md#the-session-answer)).
 */
export function replyPasskeySession(
  c: Context,
  context: ServiceContext,
  client: ClientRecord,
  user: UserRecord,
  credential: { id: string; name: string },
): Promise<Response> {
  return replySession(c, context, client, user, {
    uuid: credentialUuid(credential.id),
    type: "fido2",
    name: credential.name,
    id: credential.id,
  });
}
