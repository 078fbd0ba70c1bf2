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
import type { CodeRecord, RevokedCredential, UserRecord, WebAuthnCredentialRecord } from "../storage/records.js";
import { redeemChallenge, storeChallenge } from "./challenges.js";
import { challengeFromClientData } from "./client-data.js";
import { notifyPasskeyAdded } from "./notify-passkey-added.js";
import { passkeyExists, passkeyRecord, registrationOptions, verifyRegistration } from "./registration.js";
import { loadRelyingParty } from "./relying-party.js";
import { replyPasskeySession } from "./session.js";

const kind = "webauthn.add_credential";

/**
 * Stores a passkey added with `code`. An emailed security code proves the address: an account
 * nobody had proved it for is verified first, losing every way in from before
 * ([security model: accounts](../../../../docs/security.md#accounts)); returns what it lost. Any
 * other code counts only while no proof came after it was made.
 */
async function storeAddedPasskey(
  context: ServiceContext,
  user: UserRecord,
  passkey: WebAuthnCredentialRecord,
  code: CodeRecord,
): Promise<RevokedCredential[]> {
  if (code.provesEmail && user.verifiedAt === null) {
    const verification = await context.storage.users.verify(user.id, context.now());
    for (const id of verification?.deletedCodes ?? []) context.waits.publish(id, "invalidated");
    // This request is the proof: its passkey is the first of the verified account.
    if (!(await context.storage.credentials.insertPasskey(passkey))) throw passkeyExists();
    return verification?.revoked ?? [];
  }
  switch (await context.storage.credentials.insertPasskeyWithCode(passkey, code.createdAt)) {
    case "credential_exists":
      throw passkeyExists();
    case "superseded": // the owner proved the email after this code was made
      throw fail("invalid_code");
    case "inserted":
      return [];
  }
}
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
    const existing = await context.storage.credentials.listPasskeys(user.id);
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
    const user = await context.storage.users.getById(client.namespaceId, record.userId);
    const codeId = record.data.codeId;
    if (!user || typeof codeId !== "string") throw fail("invalid_challenge", "The challenge is not for this account.");
    const verified = await verifyRegistration(context, rp, challenge, body.credential);
    if (await context.storage.credentials.getPasskey(verified.id)) throw passkeyExists();
    const now = context.now();
    const consumed = await context.storage.codes.consume(codeId, now);
    const code = await context.storage.codes.get(codeId);
    if (!consumed || !code) {
      if (code && code.consumedAt === null && code.expiresAt.getTime() <= now.getTime()) {
        throw fail("code_expired");
      }
      throw fail("invalid_code");
    }
    const passkey = passkeyRecord(user.id, verified, body.credential_name, now);
    const revoked = await storeAddedPasskey(context, user, passkey, code);
    await notifyPasskeyAdded(context, user, passkey.name, revoked);
    return replyPasskeySession(c, context, client, user, { id: passkey.id, name: passkey.name });
  });
}
