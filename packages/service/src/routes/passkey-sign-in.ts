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
import type { UserRecord } from "../storage/records.js";
import { assertActive } from "../users/assert-active.js";
import { authenticationOptions, verifyAuthentication } from "../webauthn/authentication.js";
import { storeChallenge, takeChallenge } from "../webauthn/challenges.js";
import { challengeFromClientData } from "../webauthn/client-data.js";
import { countPasskeyInit } from "../webauthn/init-limits.js";
import { loadRelyingParty } from "../webauthn/relying-party.js";
import { replyPasskeySession } from "../webauthn/session.js";
import { signInOwner } from "../webauthn/sign-in-owner.js";

const kind = "webauthn.authenticate";

/**
 * Sign-in with a passkey: `POST /api/native/authenticate/fido2/init` and `/complete`
 * ([contract: passkeys](../../../../docs/contract.md#passkeys-webauthn)). With a `username`,
 * `revealPasskeyUsers` decides what `init` tells: the user's passkeys in `allowCredentials` and
 * `404 no_credentials` for an unknown username or a user without passkeys (so the browser offers
 * add device or use once at once), or, by default, the same options naming no credential for
 * every username. Without one, the sign-in is username-less: the passkey the person picks names
 * the user.
 */
export function registerPasskeySignInRoutes(app: Hono, context: ServiceContext): void {
  app.post(ENDPOINTS.fido2AuthenticateInit.path, async (c) => {
    const body = await readBody(c, authenticateInitRequestSchema);
    const { client, rp } = await loadRelyingParty(c, context, body.client_id);
    await countPasskeyInit(c, context);
    let user: UserRecord | undefined;
    let options = await authenticationOptions(rp, []);
    if (body.username !== undefined) {
      // Looked up either way, so that the challenge goes with the user's rows (a deletion or an
      // owner's proof deletes it); only revealPasskeyUsers lets the answer depend on it.
      user = await context.storage.users.getByName(client.namespaceId, body.username);
      if (context.options.revealPasskeyUsers) {
        const credentials = user ? await context.storage.credentials.listPasskeys(user.id) : [];
        if (credentials.length === 0) throw fail("no_credentials", "No passkey is registered for this username.");
        options = await authenticationOptions(rp, credentials);
      }
    }
    await storeChallenge(context, options.challenge, {
      kind,
      clientId: client.id,
      username: body.username,
      userId: user?.id ?? null,
    });
    return reply(c, authenticationOptionsResponseSchema, { options });
  });

  app.post(ENDPOINTS.fido2AuthenticateComplete.path, async (c) => {
    const body = await readBody(c, authenticateCompleteRequestSchema);
    const { client, rp } = await loadRelyingParty(c, context, body.client_id);
    const challenge = challengeFromClientData(body.credential.response.clientDataJSON);
    const record = await takeChallenge(context, challenge, { kind, clientId: client.id, username: body.username });
    const { user, stored } = await signInOwner(context, client, record, body);
    const counter = await verifyAuthentication(context, rp, challenge, body.credential, stored);
    assertActive(user); // told only to the passkey's holder: init answers a deactivated user like any other
    await context.storage.credentials.updatePasskeyCounter(stored.id, counter, context.now());
    return replyPasskeySession(c, context, client, user, stored);
  });
}
