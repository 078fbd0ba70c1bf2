import { JWT_ALGORITHM } from "@handoff/types";
import { type CryptoKey, exportJWK, exportSPKI, generateKeyPair, importJWK, type JWK, SignJWT } from "jose";
import type { SigningKeyRecord } from "../storage/records.js";
import type { Storage } from "../storage/storage.js";

/** What a user JWT says. */
export interface UserJwtClaims {
  issuer: string;
  clientId: string;
  userId: string;
  username: string;
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
    this.#records = await this.#storage.listSigningKeys();
    if (!this.#records.some((record) => record.retiredAt === null)) await this.#create(now, false);
    else await this.#activate(now);
  }

  /**
   * Re-reads the keys from storage, to publish (and sign with) keys other instances sharing the
   * database created or rotated.
   */
  async refresh(now: Date): Promise<void> {
    this.#records = await this.#storage.listSigningKeys();
    await this.#activate(now);
  }

  /** Creates a new active key and retires the others; returns its `kid`. */
  rotate(now: Date): Promise<string> {
    return this.#create(now, true);
  }

  async #create(now: Date, retireOthers: boolean): Promise<string> {
    const { privateKey, publicKey } = await generateKeyPair(JWT_ALGORITHM, { extractable: true });
    const kid = crypto.randomUUID();
    const record: SigningKeyRecord = {
      kid,
      privateJwk: await exportJWK(privateKey),
      publicJwk: { ...(await exportJWK(publicKey)), kid, alg: JWT_ALGORITHM, use: "sig" },
      createdAt: now,
      retiredAt: null,
    };
    await this.#storage.insertSigningKey(record);
    if (retireOthers) await this.#storage.retireSigningKeys(kid, now);
    await this.refresh(now);
    return kid;
  }

  /** Signs with the newest active key (or, after concurrent rotations retired them all, the newest). */
  async #activate(now: Date): Promise<void> {
    this.#refreshedAt = now.getTime();
    const record = this.#records.find((candidate) => candidate.retiredAt === null) ?? this.#records[0];
    if (!record) throw new Error("no signing key");
    if (record.kid === this.#active?.kid) return;
    const key = await importJWK(record.privateJwk, JWT_ALGORITHM);
    if (key instanceof Uint8Array) throw new Error("signing key is not asymmetric");
    this.#active = { kid: record.kid, key };
  }

  /** Signs a user JWT with the active key. */
  async signUserJwt(claims: UserJwtClaims): Promise<string> {
    if (claims.now - this.#refreshedAt >= REFRESH_INTERVAL_MS) await this.refresh(new Date(claims.now));
    const active = this.#active;
    if (!active) throw new Error("signing keys not loaded");
    const issuedAt = Math.floor(claims.now / 1000);
    return new SignJWT({ udata: claims.username })
      .setProtectedHeader({ alg: JWT_ALGORITHM, typ: "JWT", kid: active.kid })
      .setIssuer(claims.issuer)
      .setAudience(claims.clientId)
      .setSubject(claims.userId)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + claims.lifetimeSeconds)
      .setJti(crypto.randomUUID())
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
