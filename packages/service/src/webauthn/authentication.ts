import type { AuthenticationCredentialJSON, RequestOptionsJSON } from "@handoff/types";
import { generateAuthenticationOptions, verifyAuthenticationResponse } from "@simplewebauthn/server";
import type { ServiceContext } from "../context.js";
import { fail } from "../http/fail.js";
import type { WebAuthnCredentialRecord } from "../storage/records.js";
import { CEREMONY_TIMEOUT_MS } from "./challenges.js";
import { logRefusal } from "./log-refusal.js";
import type { RelyingParty } from "./relying-party.js";

/**
 * Authentication options with user verification required, listing `credentials` in
 * `allowCredentials`: naming them lets the browser tell "no passkey for this account on this
 * device" apart from a passkey that is there. With no credentials the options have no
 * `allowCredentials` at all: the browser offers the site's discoverable passkeys (and autofill
 * can), and the answer looks the same whoever it was for.
 */
export async function authenticationOptions(
  rp: RelyingParty,
  credentials: readonly WebAuthnCredentialRecord[],
): Promise<RequestOptionsJSON> {
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    ...(credentials.length > 0 && {
      allowCredentials: credentials.map((credential) => ({ id: credential.id, transports: credential.transports })),
    }),
    timeout: CEREMONY_TIMEOUT_MS,
    userVerification: "required",
  });
  const { extensions: _dropped, allowCredentials, ...wire } = options;
  return allowCredentials === undefined ? wire : { ...wire, allowCredentials };
}

/**
 * Verifies an assertion with the stored credential: challenge, origin, RP ID hash, type
 * `webauthn.get`, user presence and verification, signature, the user handle (when sent), and
 * the signature counter (one that does not increase, when either value is non-zero, flags a
 * cloned authenticator). Returns the new counter.
 *
 * @throws `verification_failed` when any check fails (the reason is logged, never answered).
 */
export async function verifyAuthentication(
  context: ServiceContext,
  rp: RelyingParty,
  challenge: string,
  credential: AuthenticationCredentialJSON,
  stored: WebAuthnCredentialRecord,
): Promise<number> {
  const handle = credential.response.userHandle;
  if (handle !== undefined && Buffer.from(handle, "base64url").toString("utf8") !== stored.userId) {
    throw fail("verification_failed", "The passkey belongs to another account.");
  }
  let newCounter: number;
  try {
    const result = await verifyAuthenticationResponse({
      response: credential,
      expectedChallenge: challenge,
      expectedOrigin: rp.origins,
      expectedRPID: rp.id,
      expectedType: "webauthn.get",
      credential: {
        id: stored.id,
        publicKey: new Uint8Array(Buffer.from(stored.publicKey, "base64url")),
        counter: stored.counter,
        transports: stored.transports,
      },
      requireUserVerification: true,
    });
    if (!result.verified) throw new Error("signature did not verify");
    newCounter = result.authenticationInfo.newCounter;
  } catch (error) {
    logRefusal(context, "passkey assertion refused", error);
    throw fail("verification_failed", "The passkey could not be verified.");
  }
  if ((newCounter > 0 || stored.counter > 0) && newCounter <= stored.counter) {
    throw fail("verification_failed", "The passkey's signature counter did not increase.");
  }
  return newCounter;
}
