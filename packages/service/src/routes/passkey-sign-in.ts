import {
  authenticateCompleteRequestSchema,
  authenticateInitRequestSchema,
  authenticationOptionsResponseSchema,
  ENDPOINTS,
} from "@handoff/types";
import type { Hono } from "hono";
import type { ServiceContext } from "../context.js";
import { fail } from "../http/fail.js";
import { readBody, reply } from "../http/json.js";
import { assertActive } from "../users/assert-active.js";
import { authenticationOptions, verifyAuthentication } from "../webauthn/authentication.js";
import { storeChallenge } from "../webauthn/challenges.js";
import { redeemCeremony } from "../webauthn/redeem-ceremony.js";
import { loadRelyingParty } from "../webauthn/relying-party.js";
import { replyPasskeySession } from "../webauthn/session.js";

const kind = "webauthn.authenticate";

/**
 * Sign-in with a passkey: `POST /api/native/authenticate/fido2/init` and `/complete`. An unknown
 * username and a user without passkeys get the same `404 no_credentials`, so the browser offers
 * add device or use once either way.
 */
export function registerPasskeySignInRoutes(app: Hono, context: ServiceContext): void {
  app.post(ENDPOINTS.fido2AuthenticateInit.path, async (c) => {
    const body = await readBody(c, authenticateInitRequestSchema);
    const { client, rp } = await loadRelyingParty(c, context, body.client_id);
    const user = await context.storage.users.getByName(client.namespaceId, body.username);
    const credentials = user ? await context.storage.credentials.listPasskeys(user.id) : [];
    if (!user || credentials.length === 0) {
      throw fail("no_credentials", "No passkey is registered for this username.");
    }
    const options = await authenticationOptions(rp, credentials);
    await storeChallenge(context, options.challenge, {
      kind,
      clientId: client.id,
      username: body.username,
      userId: user.id,
    });
    return reply(c, authenticationOptionsResponseSchema, { options });
  });

  app.post(ENDPOINTS.fido2AuthenticateComplete.path, async (c) => {
    const body = await readBody(c, authenticateCompleteRequestSchema);
    const { client, rp, challenge, record } = await redeemCeremony(c, context, kind, body);
    const user = await context.storage.users.getById(client.namespaceId, record.userId);
    const stored = await context.storage.credentials.getPasskey(body.credential.id);
    if (!user || !stored || stored.userId !== user.id) {
      throw fail("verification_failed", "This passkey is not registered for this account.");
    }
    const counter = await verifyAuthentication(context, rp, challenge, body.credential, stored);
    assertActive(user); // told only to the passkey's holder: init answers a deactivated user like any other
    await context.storage.credentials.updatePasskeyCounter(stored.id, counter, context.now());
    return replyPasskeySession(c, context, client, user, stored);
  });
}
