import {
  ENDPOINTS,
  registerInitRequestSchema,
  registrationCompleteRequestSchema,
  registrationOptionsResponseSchema,
} from "@handoff/types";
import type { Hono } from "hono";
import type { ServiceContext } from "../context.js";
import { fail } from "../http/fail.js";
import { readBody, reply } from "../http/json.js";
import type { UserRecord } from "../storage/records.js";
import { storeChallenge } from "../webauthn/challenges.js";
import { countPasskeyInit } from "../webauthn/init-limits.js";
import { redeemCeremony } from "../webauthn/redeem-ceremony.js";
import { passkeyExists, passkeyRecord, registrationOptions, verifyRegistration } from "../webauthn/registration.js";
import { loadRelyingParty } from "../webauthn/relying-party.js";
import { replyPasskeySession } from "../webauthn/session.js";

const kind = "webauthn.register";

/**
 * Sign-up with a passkey: `POST /api/native/register/fido2/init` and `/complete`. Only for a
 * username that does not exist yet (`409 user_exists`): adding a passkey to an existing account
 * takes an authorized code (`/credentials/fido2/…`). The user is created by `/complete`, so an
 * abandoned sign-up reserves nothing. Nothing proves the username here: the account stays
 * unverified until its owner proves the email, which revokes every credential registered before
 * ([security model: accounts](../../../../docs/security.md#accounts)).
 */
export function registerPasskeySignUpRoutes(app: Hono, context: ServiceContext): void {
  app.post(ENDPOINTS.fido2RegisterInit.path, async (c) => {
    const body = await readBody(c, registerInitRequestSchema);
    const { client, rp } = await loadRelyingParty(c, context, body.client_id);
    await countPasskeyInit(c, context);
    if (await context.storage.users.getByName(client.namespaceId, body.username)) {
      throw fail("user_exists");
    }
    const userId = crypto.randomUUID();
    const options = await registrationOptions(rp, { id: userId, username: body.username }, []);
    await storeChallenge(context, options.challenge, { kind, clientId: client.id, username: body.username, userId });
    return reply(c, registrationOptionsResponseSchema, { options });
  });

  app.post(ENDPOINTS.fido2RegisterComplete.path, async (c) => {
    const body = await readBody(c, registrationCompleteRequestSchema);
    const { client, rp, challenge, record } = await redeemCeremony(c, context, kind, body);
    const verified = await verifyRegistration(context, rp, challenge, body.credential);
    if (await context.storage.credentials.getPasskey(verified.id)) throw passkeyExists();
    const now = context.now();
    const user: UserRecord = {
      id: record.userId,
      namespaceId: client.namespaceId,
      username: body.username,
      createdAt: now,
      verifiedAt: null, // nothing proves the username yet: see verifyUser
    };
    // The user and its passkey together: an owner's proof can never come between them.
    const passkey = passkeyRecord(user.id, verified, body.credential_name, now);
    switch (await context.storage.users.insertWithPasskey(user, passkey)) {
      case "user_exists":
        throw fail("user_exists");
      case "credential_exists":
        throw passkeyExists();
      case "inserted":
        break;
    }
    return replyPasskeySession(c, context, client, user, { id: passkey.id, name: passkey.name });
  });
}
