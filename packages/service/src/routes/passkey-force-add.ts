import { ENDPOINTS, forceAddCredentialInitRequestSchema, registrationOptionsResponseSchema } from "@handoff/types";
import type { Hono } from "hono";
import { verifyServiceToken } from "../auth/verify-service-token.js";
import type { ServiceContext } from "../context.js";
import { resolveCredentialOwner } from "../credentials/credential-owner.js";
import { readBody, reply } from "../http/json.js";
import { assertActive } from "../users/assert-active.js";
import { ADD_CREDENTIAL_CEREMONY, grantData } from "../webauthn/add-credential-grant.js";
import { storeChallenge } from "../webauthn/challenges.js";
import { registrationOptions } from "../webauthn/registration.js";
import { relyingPartyOf } from "../webauthn/relying-party.js";

/**
 * `POST /api/native/credentials/fido2/init/force` (`@loginid/node-sdk`'s
 * `initAddCredentialWithoutCode`): the user's backend starts adding a passkey without a code,
 * with a `credentials.force_add` service token — the only credential of the request, checked as
 * on every credential endpoint (its client, the user it is bound to). It answers the registration
 * options for the user's browser, which completes at `…/credentials/fido2/complete`; the
 * challenge is single use and lives 5 minutes like every other
 * ([contract: passkeys](../../../../docs/contract.md#passkeys-webauthn)).
 */
export function registerPasskeyForceAddRoute(app: Hono, context: ServiceContext): void {
  const endpoint = ENDPOINTS.fido2AddCredentialForceInit;
  app.post(endpoint.path, async (c) => {
    const token = await verifyServiceToken(context, c.req.header("authorization"), endpoint.scope);
    const body = await readBody(c, forceAddCredentialInitRequestSchema);
    const user = await resolveCredentialOwner(context, token, { clientId: body.client_id, userId: body.user_id });
    assertActive(user);
    const rp = relyingPartyOf(context, token.client);
    const existing = await context.storage.credentials.listPasskeys(user.id);
    const options = await registrationOptions(rp, user, existing);
    await storeChallenge(context, options.challenge, {
      kind: ADD_CREDENTIAL_CEREMONY,
      clientId: token.client.id,
      username: user.username,
      userId: user.id,
      data: grantData({ by: "backend", grantedAt: context.now() }),
    });
    return reply(c, registrationOptionsResponseSchema, { options });
  });
}
