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
import { emailCodeSubject } from "../device-keys/accounts.js";
import { fail } from "../http/fail.js";
import { readBody, reply } from "../http/json.js";
import type { CodeRecord, RevokedCredential } from "../storage/records.js";
import { assertActive } from "../users/assert-active.js";
import { ADD_CREDENTIAL_CEREMONY, grantData, readGrant } from "../webauthn/add-credential-grant.js";
import { storeChallenge } from "../webauthn/challenges.js";
import { notifyPasskeyAdded } from "../webauthn/notify-passkey-added.js";
import { redeemCeremony } from "../webauthn/redeem-ceremony.js";
import { passkeyExists, passkeyRecord, registrationOptions, verifyRegistration } from "../webauthn/registration.js";
import { loadRelyingParty } from "../webauthn/relying-party.js";
import { replyPasskeySession } from "../webauthn/session.js";
import { storeAddedPasskey, storeForcedPasskey } from "../webauthn/store-added-passkey.js";

const purpose = "add_credential";

/**
 * Consumes the code that allowed a passkey, now that its registration verified.
 *
 * @throws `invalid_code` (used, invalidated, gone) or `code_expired`.
 */
async function consumeAddCode(context: ServiceContext, codeId: string, now: Date): Promise<CodeRecord> {
  const consumed = await context.storage.codes.consume(codeId, now);
  const code = await context.storage.codes.get(codeId);
  if (!consumed || !code) {
    if (code && code.consumedAt === null && code.expiresAt.getTime() <= now.getTime()) {
      throw fail("code_expired");
    }
    throw fail("invalid_code");
  }
  return code;
}

/**
 * Add a passkey to an existing user (add device with a passkey as the new key):
 * `POST /api/native/credentials/fido2/init` takes an `add_credential` code that the user's
 * backend generated and authorized; `/complete` registers the passkey and consumes the code. It
 * also completes a ceremony the backend started without a code (`…/fido2/init/force`,
 * `registerPasskeyForceAddRoute`), which consumes nothing
 * ([contract: passkeys](../../../../docs/contract.md#passkeys-webauthn)).
 */
export function registerPasskeyAddRoutes(app: Hono, context: ServiceContext): void {
  app.post(ENDPOINTS.fido2AddCredentialInit.path, async (c) => {
    const body = await readBody(c, addCredentialInitRequestSchema);
    const { client, rp } = await loadRelyingParty(c, context, body.client_id);
    const { code, type } = body.authentication_code;
    const user = await context.storage.users.getByName(client.namespaceId, body.username);
    // An emailed code of an account made unverified after it was sent is still the email's.
    const userId =
      user === undefined
        ? unknownUserSubject(body.username)
        : type === "phrase"
          ? await emailCodeSubject(context, client.id, user.username, user)
          : user.id;
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
    assertActive(user);
    const existing = await context.storage.credentials.listPasskeys(user.id);
    const options = await registrationOptions(rp, user, existing);
    await storeChallenge(context, options.challenge, {
      kind: ADD_CREDENTIAL_CEREMONY,
      clientId: client.id,
      username: user.username,
      userId: user.id,
      data: grantData({ by: "code", codeId: record.id }),
    });
    return reply(c, registrationOptionsResponseSchema, { options });
  });

  app.post(ENDPOINTS.fido2AddCredentialComplete.path, async (c) => {
    const body = await readBody(c, registrationCompleteRequestSchema);
    const { client, rp, challenge, record } = await redeemCeremony(c, context, ADD_CREDENTIAL_CEREMONY, body);
    const user = await context.storage.users.getById(client.namespaceId, record.userId);
    const grant = readGrant(record.data);
    if (!user || !grant) throw fail("invalid_challenge", "The challenge is not for this account.");
    const verified = await verifyRegistration(context, rp, challenge, body.credential);
    if (await context.storage.credentials.getPasskey(verified.id)) throw passkeyExists();
    assertActive(user);
    const now = context.now();
    const passkey = passkeyRecord(user.id, verified, body.credential_name, now);
    let revoked: RevokedCredential[] = [];
    if (grant.by === "code") {
      const code = await consumeAddCode(context, grant.codeId, now);
      revoked = await storeAddedPasskey(context, user, passkey, code);
    } else {
      await storeForcedPasskey(context, passkey, grant.grantedAt);
    }
    await notifyPasskeyAdded(context, user, passkey.name, revoked);
    return replyPasskeySession(c, context, client, user, { id: passkey.id, name: passkey.name });
  });
}
