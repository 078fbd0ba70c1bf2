import { requireCredentialId, requireUserId, requireUsername } from "@handoff/types/core/arguments";
import { HandoffError } from "@handoff/types/core/errors";
import { toBase64url } from "../internal/base64url.js";
import { classifyWebAuthnError } from "./classify-webauthn-error.js";

/*
 * The WebAuthn Signal API (WebAuthn Level 3, #sctn-signal-methods): telling the passkey provider
 * which of the site's passkeys still exist and what the account is called, so it can hide or
 * update them. Every method is feature-detected: where the browser has none, nothing happens.
 */

/** The signal methods of `PublicKeyCredential`; any of them may be missing. */
interface SignalStatics {
  signalUnknownCredential?: (options: { rpId: string; credentialId: string }) => Promise<void>;
  signalAllAcceptedCredentials?: (options: {
    rpId: string;
    userId: string;
    allAcceptedCredentialIds: string[];
  }) => Promise<void>;
  signalCurrentUserDetails?: (options: {
    rpId: string;
    userId: string;
    name: string;
    displayName: string;
  }) => Promise<void>;
}

function statics(): SignalStatics | undefined {
  const credential: unknown = (globalThis as { PublicKeyCredential?: unknown }).PublicKeyCredential;
  return typeof credential === "function" ? (credential as SignalStatics) : undefined;
}

/** `rpId` as given, else this page's hostname (the service's default RP ID is its client origin's). */
function relyingPartyId(rpId: unknown): string {
  if (rpId === undefined) return globalThis.location?.hostname ?? "";
  if (typeof rpId !== "string" || rpId === "") throw new HandoffError("invalid_argument", "rpId must be a hostname.");
  return rpId;
}

/**
 * The WebAuthn user handle of a Handoff user, base64url: the UTF-8 bytes of its id
 * (`docs/contract.md#passkeys-webauthn`).
 */
function userHandle(userId: unknown): string {
  return toBase64url(new TextEncoder().encode(requireUserId(userId)));
}

/** Calls a signal method when the browser has it; a rejection becomes a classified HandoffError. */
async function send<T>(method: ((options: T) => Promise<void>) | undefined, options: T): Promise<boolean> {
  if (!method) return false;
  try {
    await method.call(statics(), options);
    return true;
  } catch (error) {
    throw classifyWebAuthnError(error);
  }
}

/** Options of {@link signalUnknownCredential}. */
export interface SignalUnknownCredentialOptions {
  /** The relying party id. Default: `location.hostname`. */
  rpId?: string;
  /** The passkey's credential id, base64url (a sign-in's `credential.id`). */
  credentialId: string;
}

/**
 * Tells the passkey provider that this credential id is no longer accepted (revoked, or never
 * registered), so it can hide or delete the passkey (`PublicKeyCredential.signalUnknownCredential`).
 * `signIn` calls it by itself when the service answers `credential_not_found`.
 *
 * @returns `true` when the browser was told, `false` where it has no Signal API (nothing happens).
 * @throws {HandoffError} `invalid_argument`; `webauthn_security_error` when the RP ID does not fit the page.
 * @example
 * await signalUnknownCredential({ credentialId: revokedId });
 */
export function signalUnknownCredential(options: SignalUnknownCredentialOptions): Promise<boolean> {
  try {
    const rpId = relyingPartyId(options.rpId);
    const credentialId = requireCredentialId(options.credentialId);
    return send(statics()?.signalUnknownCredential, { rpId, credentialId });
  } catch (error) {
    return Promise.reject(error);
  }
}

/** Options of {@link signalAcceptedCredentials}. */
export interface SignalAcceptedCredentialsOptions {
  /** The relying party id. Default: `location.hostname`. */
  rpId?: string;
  /** The Handoff user id (`session.user.id`); the SDK turns it into the WebAuthn user handle. */
  userId: string;
  /** Every passkey credential id the account still has (`listCredentials`, `type: "fido2"`, `uuid`). */
  credentialIds: readonly string[];
}

/**
 * Tells the passkey provider the complete list of the user's passkeys that still work, so it can
 * hide the others (`PublicKeyCredential.signalAllAcceptedCredentials`). Call it after listing or
 * revoking devices, while the user is signed in.
 *
 * @returns `true` when the browser was told, `false` where it has no Signal API (nothing happens).
 * @throws {HandoffError} `invalid_argument`; `webauthn_security_error` when the RP ID does not fit the page.
 * @example
 * const ids = credentials.filter((c) => c.type === "fido2").map((c) => c.uuid);
 * await signalAcceptedCredentials({ userId: session.user.id, credentialIds: ids });
 */
export function signalAcceptedCredentials(options: SignalAcceptedCredentialsOptions): Promise<boolean> {
  try {
    const rpId = relyingPartyId(options.rpId);
    const userId = userHandle(options.userId);
    if (!Array.isArray(options.credentialIds)) {
      throw new HandoffError("invalid_argument", "credentialIds must be an array of credential ids.");
    }
    const allAcceptedCredentialIds = options.credentialIds.map((id) => requireCredentialId(id, "credentialIds"));
    return send(statics()?.signalAllAcceptedCredentials, { rpId, userId, allAcceptedCredentialIds });
  } catch (error) {
    return Promise.reject(error);
  }
}

/** Options of {@link signalCurrentUser}. */
export interface SignalCurrentUserOptions {
  /** The relying party id. Default: `location.hostname`. */
  rpId?: string;
  /** The Handoff user id (`session.user.id`). */
  userId: string;
  /** The account's username as passkey pickers show it. */
  name: string;
  /** A friendlier name. Default: `name`. */
  displayName?: string;
}

/**
 * Tells the passkey provider the account's current name, so the passkeys it keeps show it
 * (`PublicKeyCredential.signalCurrentUserDetails`). Call it after a sign-in or a rename.
 *
 * @returns `true` when the browser was told, `false` where it has no Signal API (nothing happens).
 * @throws {HandoffError} `invalid_argument`; `webauthn_security_error` when the RP ID does not fit the page.
 * @example
 * await signalCurrentUser({ userId: session.user.id, name: session.user.username });
 */
export function signalCurrentUser(options: SignalCurrentUserOptions): Promise<boolean> {
  try {
    const rpId = relyingPartyId(options.rpId);
    const userId = userHandle(options.userId);
    const name = requireUsername(options.name);
    const displayName = options.displayName === undefined ? name : requireUsername(options.displayName);
    return send(statics()?.signalCurrentUserDetails, { rpId, userId, name, displayName });
  } catch (error) {
    return Promise.reject(error);
  }
}
