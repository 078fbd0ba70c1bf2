import { JWT_ALGORITHM, type SessionCredentialType } from "@handoff/types";
import { type CryptoKey, exportJWK, exportSPKI, generateKeyPair, importJWK, type JWK, SignJWT } from "jose";
import type { SigningKeyRecord } from "../storage/records.js";
import type { Storage } from "../storage/storage.js";

/** What a user JWT says. */
export interface UserJwtClaims {
  issuer: string;
  clientId: string;
  userId: string;
  username: string;
  /** The credential the session was made with: its type becomes `amr`, its id `credential_id`. */
  credential: { type: SessionCredentialType; id: string };
  lifetimeSeconds: number;
  now: number;
}

/** What an OpenID Connect ID token says (the device grant's, when `openid` was asked for). */
export interface IdTokenClaims {
  issuer: string;
  clientId: string;
  userId: string;
  /** When the user approved, in milliseconds since the epoch (`auth_time`). */
  authTime: number;
  lifetimeSeconds: number;
  now: number;
}

/** How stale the active key may be when signing: a rotation on another instance is picked up within it. */
const REFRESH_INTERVAL_MS = 60_000;

/**
 * The service's own ES256 keys for user JWTs: created on first start and persisted, rotated on
 * demand. Retired keys stay published in the JWKS so tokens they signed still verify. Instances
 * sharing a database re-read the keys before publishing them and at least once a minute.
 */
export class SigningKeys {
  #records: SigningKeyRecord[] = [];
  #active: { kid: string; key: CryptoKey } | undefined;
  #refreshedAt = 0;
  readonly #storage: Storage;

  constructor(storage: Storage) {
    this.#storage = storage;
  }

  /**
   * Loads the keys, creating the first one when there is none. Retires nothing: instances that
   * start together on an empty shared database may each create one, and all of them stay valid.
   */
  async load(now: Date): Promise<void> {
    this.#records = await this.#storage.keys.listSigningKeys();
    if (!this.#records.some((record) => record.retiredAt === null)) await this.#create(now, false);
    else await this.#activate(now);
  }

  /**
   * Re-reads the keys from storage, to publish (and sign with) keys other instances sharing the
   * database created or rotated.
   */
  async refresh(now: Date): Promise<void> {
    this.#records = await this.#storage.keys.listSigningKeys();
    await this.#activate(now);
  }

  /**
   * Creates a new key, published at once and signing from `now + activateInMs`, when the others
   * retire (they stay published). Returns its `kid`.
   */
  rotate(now: Date, activateInMs = 0): Promise<string> {
    return this.#create(now, true, activateInMs);
  }

  async #create(now: Date, retireOthers: boolean, activateInMs = 0): Promise<string> {
    const activatesAt = new Date(now.getTime() + activateInMs);
    const { privateKey, publicKey } = await generateKeyPair(JWT_ALGORITHM, { extractable: true });
    const kid = crypto.randomUUID();
    const record: SigningKeyRecord = {
      kid,
      privateJwk: await exportJWK(privateKey),
      publicJwk: { ...(await exportJWK(publicKey)), kid, alg: JWT_ALGORITHM, use: "sig" },
      // A key signs from its createdAt on: a future one is published before it is used.
      createdAt: activatesAt,
      retiredAt: null,
    };
    await this.#storage.keys.insertSigningKey(record);
    if (retireOthers) await this.#storage.keys.retireSigningKeys(kid, activatesAt);
    await this.refresh(now);
    return kid;
  }

  /**
   * Signs with the newest key that has started and not retired (or, after concurrent rotations
   * retired them all, the newest that has started).
   */
  async #activate(now: Date, refreshed = true): Promise<void> {
    if (refreshed) this.#refreshedAt = now.getTime();
    const time = now.getTime();
    const started = this.#records.filter((candidate) => candidate.createdAt.getTime() <= time);
    const record =
      started.find((candidate) => candidate.retiredAt === null || candidate.retiredAt.getTime() > time) ??
      started[0] ??
      this.#records[this.#records.length - 1];
    if (!record) throw new Error("no signing key");
    if (record.kid === this.#active?.kid) return;
    const key = await importJWK(record.privateJwk, JWT_ALGORITHM);
    if (key instanceof Uint8Array) throw new Error("signing key is not asymmetric");
    this.#active = { kid: record.kid, key };
  }

  /** The active key at `now`, re-reading the keys when they are older than a minute. */
  async #activeAt(now: number): Promise<{ kid: string; key: CryptoKey }> {
    if (now - this.#refreshedAt >= REFRESH_INTERVAL_MS) await this.refresh(new Date(now));
    else await this.#activate(new Date(now), false);
    const active = this.#active;
    if (!active) throw new Error("signing keys not loaded");
    return active;
  }

  /** Signs a user JWT with the active key. */
  async signUserJwt(claims: UserJwtClaims): Promise<string> {
    const active = await this.#activeAt(claims.now);
    const issuedAt = Math.floor(claims.now / 1000);
    return new SignJWT({
      udata: claims.username,
      amr: [claims.credential.type],
      credential_id: claims.credential.id,
    })
      .setProtectedHeader({ alg: JWT_ALGORITHM, typ: "JWT", kid: active.kid })
      .setIssuer(claims.issuer)
      .setAudience(claims.clientId)
      .setSubject(claims.userId)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + claims.lifetimeSeconds)
      .setJti(crypto.randomUUID())
      .sign(active.key);
  }

  /**
   * Signs an OpenID Connect ID token with the active key: `iss`, `sub`, `aud` (the client),
   * `iat`, `exp`, `auth_time`.
   */
  async signIdToken(claims: IdTokenClaims): Promise<string> {
    const active = await this.#activeAt(claims.now);
    const issuedAt = Math.floor(claims.now / 1000);
    return new SignJWT({ auth_time: Math.floor(claims.authTime / 1000) })
      .setProtectedHeader({ alg: JWT_ALGORITHM, typ: "JWT", kid: active.kid })
      .setIssuer(claims.issuer)
      .setAudience(claims.clientId)
      .setSubject(claims.userId)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + claims.lifetimeSeconds)
      .sign(active.key);
  }

  /** The public keys as a JWKS document. */
  jwks(): { keys: JWK[] } {
    return { keys: this.#records.map((record) => record.publicJwk) };
  }

  /** The public key of `kid` as SPKI PEM, or `undefined`. */
  async pem(kid: string): Promise<string | undefined> {
    const record = this.#records.find((candidate) => candidate.kid === kid);
    if (!record) return undefined;
    const key = await importJWK(record.publicJwk, JWT_ALGORITHM, { extractable: true });
    if (key instanceof Uint8Array) return undefined;
    return exportSPKI(key);
  }
}
