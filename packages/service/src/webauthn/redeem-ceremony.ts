import type { Context } from "hono";
import type { ServiceContext } from "../context.js";
import type { ChallengeRecord, ClientRecord } from "../storage/records.js";
import { type CeremonyKind, redeemChallenge } from "./challenges.js";
import { challengeFromClientData } from "./client-data.js";
import { loadRelyingParty, type RelyingParty } from "./relying-party.js";

/** What a `…/fido2/complete` body carries to find its ceremony. */
export interface CeremonyAnswer {
  client_id: string;
  username: string;
  credential: { response: { clientDataJSON: string } };
}

/** A ceremony found again by its answer: the client, its relying party, and the redeemed challenge. */
export interface RedeemedCeremony {
  client: ClientRecord;
  rp: RelyingParty;
  challenge: string;
  record: ChallengeRecord & { userId: string };
}

/**
 * The first steps of every `…/fido2/complete`: loads the client and its relying party, reads the
 * challenge out of the signed client data, and redeems it for this ceremony, client and username
 * (single use, whatever follows).
 *
 * @throws `invalid_request`, `origin_not_allowed` ({@link loadRelyingParty}), `verification_failed`
 * (client data without a challenge), `invalid_challenge` ({@link redeemChallenge}).
 */
export async function redeemCeremony(
  c: Context,
  context: ServiceContext,
  kind: CeremonyKind,
  body: CeremonyAnswer,
): Promise<RedeemedCeremony> {
  const { client, rp } = await loadRelyingParty(c, context, body.client_id);
  const challenge = challengeFromClientData(body.credential.response.clientDataJSON);
  const record = await redeemChallenge(context, challenge, { kind, clientId: client.id, username: body.username });
  return { client, rp, challenge, record };
}
