import type { CodePurpose, CodeType } from "@handoff/types";
import type { JWK } from "jose";

/** A client: one backend (and its frontends) with its own user namespace and key. */
export interface ClientRecord {
  id: string;
  name: string;
  namespaceId: string;
  /** The backend's ES256 public key as a JWK; the service never sees the private key. */
  publicKeyJwk: JWK;
  /** Browser origins allowed to call the device endpoints for this client. */
  origins: string[];
  createdAt: Date;
}

/**
 * How a client uses the OAuth device authorization grant (RFC 8628); a client without settings
 * does not (its device authorization requests answer `unauthorized_client`).
 */
export interface DeviceGrantSettings {
  /** The client's own page where a signed-in user types the user code (`verification_uri`). */
  verificationUri: string;
  /**
   * How the client authenticates at the OAuth endpoints: `none` (a public client: a CLI or TV
   * app that cannot keep a secret sends only `client_id`), or `private_key_jwt` (an assertion
   * signed with the client's ES256 key, RFC 7523).
   */
  tokenEndpointAuthMethod: "none" | "private_key_jwt";
}

/**
 * An OAuth device authorization (RFC 8628): its device and user codes stored only as keyed
 * hashes, who asked, and what the user decided.
 */
export interface DeviceAuthorizationRecord {
  id: string;
  clientId: string;
  /** HMAC-SHA-256 of the device code, base64url. */
  deviceCodeHash: string;
  /** HMAC-SHA-256 of the client id and the normalised user code, base64url. */
  userCodeHash: string;
  /** The scopes asked for, space-separated. */
  scope: string;
  createdAt: Date;
  expiresAt: Date;
  /** Seconds the device must wait between polls; grows by 5 with each `slow_down`. */
  intervalSeconds: number;
  lastPolledAt: Date | null;
  /** Whether the last poll came sooner than the interval (and was answered `slow_down`). */
  slowedDown: boolean;
  /** The user who approved it. */
  userId: string | null;
  approvedAt: Date | null;
  deniedAt: Date | null;
  /** When its tokens were issued: a second redemption is refused. */
  consumedAt: Date | null;
  /** The device that asked (RFC 8628 §5.4). */
  requestInfo: RequestInfo;
}

/** A user of one namespace. */
export interface UserRecord {
  id: string;
  namespaceId: string;
  username: string;
  createdAt: Date;
  /**
   * When the user proved they own their username (an email answered with a security code), or
   * when the client's backend created the user (it vouches for it); `null` for an account made
   * by a passkey sign-up and not proven yet. The first proof revokes every credential registered
   * before it ([security model: accounts](../../../../docs/security.md#accounts)).
   */
  verifiedAt: Date | null;
  /**
   * When the client's backend deactivated the user: no code, wait or sign-in of any kind until it
   * activates them again. Absent or `null`: active (a new user is always active).
   */
  deactivatedAt?: Date | null;
}

/** What deactivating a user changed. */
export interface UserDeactivation {
  /** The user, deactivated. */
  user: UserRecord;
  /** Ids of the user's codes that were live (any client, type and purpose): deleted, their waits to answer. */
  deletedCodes: string[];
}

/** What deleting a user took with it. */
export interface UserDeletion {
  /** The user as it was. */
  user: UserRecord;
  /** Ids of the user's codes that were live: deleted (with every used one), their waits to answer. */
  deletedCodes: string[];
}

/** Who asked for a code, recorded so the approving device can show it (RFC 8628 §5.4). */
export interface RequestInfo {
  /** The `User-Agent` header, at most 256 characters. */
  userAgent?: string;
  /** The peer's address (the first `X-Forwarded-For` hop when `trustProxy` is set). */
  ip?: string;
  /** When the request was seen, ISO 8601 (absent in records written before it was kept). */
  seenAt?: string;
}

/** A code, stored as a keyed hash only. */
export interface CodeRecord {
  id: string;
  clientId: string;
  userId: string;
  type: CodeType;
  purpose: CodePurpose;
  /** HMAC-SHA-256 of the normalised code, base64url. */
  hash: string;
  createdAt: Date;
  expiresAt: Date;
  authorizedAt: Date | null;
  consumedAt: Date | null;
  requestInfo: RequestInfo | null;
  /** Wrong codes tried by anonymous callers while this code was live (see `maxGuessesPerCode`). */
  guesses: number;
  /** Sent to the user's email (`/pwless/signup`): using it proves the address. */
  provesEmail: boolean;
}

/** A key the service signs user JWTs with. */
export interface SigningKeyRecord {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
  createdAt: Date;
  /** When a newer key replaced it; still published until the tokens it signed expire. */
  retiredAt: Date | null;
}

/** A WebAuthn credential (passkey). */
export interface WebAuthnCredentialRecord {
  /** Credential id, base64url. */
  id: string;
  userId: string;
  /** COSE public key, base64url. */
  publicKey: string;
  counter: number;
  transports: string[];
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  /**
   * The authenticator model's AAGUID (UUID text) from its registration; `null` for a passkey
   * registered before it was kept.
   */
  aaguid: string | null;
}

/** A pending ceremony challenge (WebAuthn or device key), single use. */
export interface ChallengeRecord {
  challenge: string;
  kind: string;
  clientId: string;
  userId: string | null;
  /** Extra state of the ceremony (JSON). */
  data: Record<string, unknown>;
  expiresAt: Date;
}

/** A device key pair registered through `/pwless/devices`. */
export interface DeviceKeyRecord {
  id: string;
  userId: string;
  /** SPKI DER, base64url. */
  keyData: string;
  keyType: string;
  keyLength: number;
  signatureAlgorithm: string;
  deviceInfo: string;
  /** The name the account holder gave it (a rename); `null` until then, shown as `deviceInfo`. */
  name: string | null;
  createdAt: Date;
  /** Its last sign-in; `null` before the first (or when it was registered before this was kept). */
  lastUsedAt: Date | null;
}

/** What an account's first proof of its email took away from it. */
export interface AccountVerification {
  /** Every passkey and device key the account had: registered before the proof. */
  revoked: RevokedCredential[];
  /** Ids of the account's codes that were live (any client, type and purpose): deleted. */
  deletedCodes: string[];
}

/**
 * A credential removed from an account: when its owner first proved their email, or revoked
 * through `POST /credentials/revoke`.
 */
export interface RevokedCredential {
  kind: "passkey" | "device_key";
  id: string;
  /** The passkey's name or the device key's `device_info`. */
  name: string;
  createdAt: Date;
}
