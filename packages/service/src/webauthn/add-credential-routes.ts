import {
  addCredentialInitRequestSchema,
  ENDPOINTS,
  registrationCompleteRequestSchema,
  registrationOptionsResponseSchema,
} from "@handoff/types";
import type { Hono } from "hono";
import { anonymousGuesser } from "../codes/address-attempts.js";
import { matchCode, unknownUserSubject } from "../codes/match-code.js";
import type { ServiceContext } from "../context.js";
import { fail } from "../http/fail.js";
import { readBody, reply } from "../http/json.js";
import { redeemChallenge, storeChallenge } from "./challenges.js";
import { challengeFromClientData } from "./client-data.js";
import { notifyPasskeyAdded } from "./notify-passkey-added.js";
import { registrationOptions, storePasskey, verifyRegistration } from "./registration.js";
import { loadRelyingParty } from "./relying-party.js";
import { replyPasskeySession } from "./session.js";

const kind = "webauthn.add_credential";
const purpose = "add_credential";

/**
 * Add a passkey to an existing user (add device, seed 003, with a passkey as the new key):
 * `POST /api/native/credentials/fido2/init` takes an `add_credential` code that the user's
 * backend generated and authorized; `/complete` registers the passkey and consumes the code.
 */
export function registerAddCredentialRoutes(app: Hono, context: ServiceContext): void {
  app.post(ENDPOINTS.fido2AddCredentialInit.path, async (c) => {
    const body = await readBody(c, addCredentialInitRequestSchema);
    const { client, rp } = await loadRelyingParty(c, context, body.client_id);
    const { code, type } = body.authentication_code;
    const user = await context.storage.getUserByName(client.namespaceId, body.username);
    const userId = user?.id ?? unknownUserSubject(body.username);
    const record = await matchCode(
      context,
      { clientId: client.id, userId, type, purpose },
      code,
      anonymousGuesser(c, context),
    );
    if (!user) throw fail("invalid_code"); // nobody has codes of an unknown user
    if (record.authorizedAt === null) {
      throw fail("invalid_code", "The code has not been authorized by the account's backend.");
    }
    const existing = await context.storage.listWebAuthnCredentials(user.id);
    const options = await registrationOptions(rp, user, existing);
    await storeChallenge(context, options.challenge, {
      kind,
      clientId: client.id,
      username: user.username,
      userId: user.id,
      data: { codeId: record.id },
    });
    return reply(c, registrationOptionsResponseSchema, { options });
  });

  app.post(ENDPOINTS.fido2AddCredentialComplete.path, async (c) => {
    const body = await readBody(c, registrationCompleteRequestSchema);
    const { client, rp } = await loadRelyingParty(c, context, body.client_id);
    const challenge = challengeFromClientData(body.credential.response.clientDataJSON);
    const record = await redeemChallenge(context, challenge, { kind, clientId: client.id, username: body.username });
    const user = await context.storage.getUserById(client.namespaceId, record.userId);
    const codeId = record.data.codeId;
    if (!user || typeof codeId !== "string") throw fail("invalid_challenge", "The challenge is not for this account.");
    const verified = await verifyRegistration(context, rp, challenge, body.credential);
    if (await context.storage.getWebAuthnCredential(verified.id)) {
      throw fail("verification_failed", "This passkey is already registered.");
    }
    const now = context.now();
    if (!(await context.storage.consumeCode(codeId, now))) {
      const code = await context.storage.getCode(codeId);
      if (code && code.consumedAt === null && code.expiresAt.getTime() <= now.getTime()) {
        throw fail("code_expired");
      }
      throw fail("invalid_code");
    }
    const name = await storePasskey(context, user, verified, body.credential_name, now);
    await notifyPasskeyAdded(context, user, name);
    return replyPasskeySession(c, context, client, user, { id: verified.id, name });
  });
}
