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

/**
 * The service's own ES256 keys for user JWTs: created on first start and persisted, rotated on
 * demand. Retired keys stay published in the JWKS so tokens they signed still verify.
 */
export class SigningKeys {
  #records: SigningKeyRecord[] = [];
  #active: { kid: string; key: CryptoKey } | undefined;
  readonly #storage: Storage;

  constructor(storage: Storage) {
    this.#storage = storage;
  }

  /** Loads the keys, creating the first one when there is none. */
  async load(now: Date): Promise<void> {
    this.#records = await this.#storage.listSigningKeys();
    if (!this.#records.some((record) => record.retiredAt === null)) await this.rotate(now);
    else await this.#activate();
  }

  /** Creates a new active key and retires the others; returns its `kid`. */
  async rotate(now: Date): Promise<string> {
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
    await this.#storage.retireSigningKeys(kid, now);
    this.#records = await this.#storage.listSigningKeys();
    await this.#activate();
    return kid;
  }

  async #activate(): Promise<void> {
    const record = this.#records.find((candidate) => candidate.retiredAt === null);
    if (!record) throw new Error("no active signing key");
    const key = await importJWK(record.privateJwk, JWT_ALGORITHM);
    if (key instanceof Uint8Array) throw new Error("signing key is not asymmetric");
    this.#active = { kid: record.kid, key };
  }

  /** Signs a user JWT with the active key. */
  async signUserJwt(claims: UserJwtClaims): Promise<string> {
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
