import type { CreationOptionsJSON, RegistrationCredentialJSON } from "@handoff/types";
import { generateRegistrationOptions, verifyRegistrationResponse } from "@simplewebauthn/server";
import type { ServiceContext } from "../context.js";
import { fail } from "../http/fail.js";
import type { WebAuthnCredentialRecord } from "../storage/records.js";
import { CEREMONY_TIMEOUT_MS } from "./challenges.js";
import { logRefusal } from "./log-refusal.js";
import type { RelyingParty } from "./relying-party.js";

/** COSE algorithms accepted for new passkeys: EdDSA, ES256, RS256. */
const SUPPORTED_ALGORITHMS = [-8, -7, -257];

/** WebAuthn §4: a credential id is at most 1,023 bytes. */
const MAX_CREDENTIAL_ID_BYTES = 1023;

/** The WebAuthn user handle of a user: the UTF-8 bytes of its id (a UUID, 36 bytes ≤ 64). */
function userHandle(userId: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(userId);
}

/**
 * Registration options for `user`: user verification required, a discoverable credential
 * required (username-less sign-in, autofill and a sign-in that does not reveal users all find the
 * passkey without naming it: [contract: passkeys](../../../../docs/contract.md#passkeys-webauthn)),
 * no attestation, and the user's existing passkeys excluded so an authenticator that already
 * holds one is not registered twice.
 */
export async function registrationOptions(
  rp: RelyingParty,
  user: { id: string; username: string },
  existing: readonly WebAuthnCredentialRecord[],
): Promise<CreationOptionsJSON> {
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.username,
    userDisplayName: user.username,
    userID: userHandle(user.id),
    timeout: CEREMONY_TIMEOUT_MS,
    attestationType: "none",
    excludeCredentials: existing.map((credential) => ({ id: credential.id, transports: credential.transports })),
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
    supportedAlgorithmIDs: SUPPORTED_ALGORITHMS,
  });
  const { extensions: _dropped, ...wire } = options;
  return wire;
}

/** A verified new credential, ready to store. */
export interface VerifiedCredential {
  /** Credential id, base64url. */
  id: string;
  /** COSE public key, base64url. */
  publicKey: string;
  counter: number;
  transports: string[];
  /** The authenticator model's AAGUID, UUID text (all zeros when it does not say). */
  aaguid: string;
}

/**
 * Verifies a registration response: challenge, origin (one of the client's), RP ID hash, type
 * `webauthn.create`, user presence and verification, an accepted algorithm.
 *
 * @throws `verification_failed` when any check fails (the reason is logged, never answered).
 */
export async function verifyRegistration(
  context: ServiceContext,
  rp: RelyingParty,
  challenge: string,
  credential: RegistrationCredentialJSON,
): Promise<VerifiedCredential> {
  let result: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    result = await verifyRegistrationResponse({
      response: credential,
      expectedChallenge: challenge,
      expectedOrigin: rp.origins,
      expectedRPID: rp.id,
      expectedType: "webauthn.create",
      requireUserPresence: true,
      requireUserVerification: true,
      supportedAlgorithmIDs: SUPPORTED_ALGORITHMS,
    });
  } catch (error) {
    logRefusal(context, "passkey registration refused", error);
    throw fail("verification_failed", "The passkey could not be verified.");
  }
  if (!result.verified) throw fail("verification_failed", "The passkey could not be verified.");
  const verified = result.registrationInfo.credential;
  if (verified.id !== credential.id || Buffer.from(verified.id, "base64url").length > MAX_CREDENTIAL_ID_BYTES) {
    throw fail("verification_failed", "The passkey's credential id is not acceptable.");
  }
  return {
    id: verified.id,
    publicKey: Buffer.from(verified.publicKey).toString("base64url"),
    counter: verified.counter,
    transports: credential.response.transports ?? verified.transports ?? [],
    aaguid: result.registrationInfo.aaguid,
  };
}

/** The record of a verified new passkey of `userId`, named `credentialName` (default "Passkey"). */
export function passkeyRecord(
  userId: string,
  verified: VerifiedCredential,
  credentialName: string | undefined,
  now: Date,
): WebAuthnCredentialRecord {
  return { ...verified, userId, name: credentialName ?? "Passkey", createdAt: now, lastUsedAt: now };
}

/** The answer to a passkey whose credential id is already registered. */
export const passkeyExists = () => fail("verification_failed", "This passkey is already registered.");
