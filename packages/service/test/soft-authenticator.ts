/**
 * A software WebAuthn authenticator for integration tests: ES256 keys from node:crypto,
 * "none" attestation, CBOR written by hand. It builds real registration and assertion responses
 * that @simplewebauthn/server verifies, and can be told to misbehave (another origin, no user
 * verification, a counter that goes back) to exercise the service's refusals.
 */
import { createHash, generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import type {
  AuthenticationCredentialJSON,
  CreationOptionsJSON,
  RegistrationCredentialJSON,
  RequestOptionsJSON,
} from "@handoff/types";

type Cbor = number | string | Uint8Array | Map<Cbor, Cbor>;

function head(major: number, length: number): Buffer {
  if (length < 24) return Buffer.from([(major << 5) | length]);
  if (length < 256) return Buffer.from([(major << 5) | 24, length]);
  const out = Buffer.alloc(3);
  out[0] = (major << 5) | 25;
  out.writeUInt16BE(length, 1);
  return out;
}

/** Encodes the CBOR subset WebAuthn needs: small integers, byte and text strings, maps. */
function cbor(value: Cbor): Buffer {
  if (typeof value === "number") return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === "string") return Buffer.concat([head(3, Buffer.byteLength(value)), Buffer.from(value)]);
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), value]);
  const parts = [head(5, value.size)];
  for (const [key, entry] of value) parts.push(cbor(key), cbor(entry));
  return Buffer.concat(parts);
}

const b64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString("base64url");
const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest();

/** How a response should deviate from an honest one. */
export interface Misbehaviour {
  origin?: string;
  challenge?: string;
  type?: string;
  userVerified?: boolean;
  /** Counter to report instead of the next one. */
  counter?: number;
  rpId?: string;
  /** User handle to return instead of the one registered; `null` returns none. */
  userHandle?: string | null;
}

/** One authenticator holding (at most) one credential. */
export class SoftAuthenticator {
  readonly #privateKey: KeyObject;
  readonly #publicJwk: { x: string; y: string };
  readonly credentialId = b64url(crypto.getRandomValues(new Uint8Array(32)));
  counter = 0;
  /** The user handle (base64url) of the registered credential, returned with every assertion. */
  userHandle: string | undefined;

  /**
   * @param aaguid the model it claims at registration, UUID text; all zeros (no claim) by default.
   */
  constructor(
    readonly origin: string,
    readonly aaguid = "00000000-0000-0000-0000-000000000000",
  ) {
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    this.#privateKey = privateKey;
    const jwk = publicKey.export({ format: "jwk" });
    this.#publicJwk = { x: String(jwk.x), y: String(jwk.y) };
  }

  #clientData(type: string, challenge: string, bad: Misbehaviour): string {
    return b64url(
      JSON.stringify({
        type: bad.type ?? type,
        challenge: bad.challenge ?? challenge,
        origin: bad.origin ?? this.origin,
        crossOrigin: false,
      }),
    );
  }

  #authData(rpId: string, attested: Uint8Array | undefined, bad: Misbehaviour): Buffer {
    const flags = 0x01 | (bad.userVerified === false ? 0 : 0x04) | (attested ? 0x40 : 0);
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(bad.counter ?? this.counter);
    return Buffer.concat([sha256(bad.rpId ?? rpId), Buffer.from([flags]), counter, attested ?? Buffer.alloc(0)]);
  }

  /** Answers `navigator.credentials.create()` for `options`. */
  register(options: CreationOptionsJSON, bad: Misbehaviour = {}): RegistrationCredentialJSON {
    this.userHandle = options.user.id;
    const id = Buffer.from(this.credentialId, "base64url");
    const coseKey = new Map<Cbor, Cbor>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, Buffer.from(this.#publicJwk.x, "base64url")],
      [-3, Buffer.from(this.#publicJwk.y, "base64url")],
    ]);
    const length = Buffer.alloc(2);
    length.writeUInt16BE(id.length);
    const aaguid = Buffer.from(this.aaguid.replaceAll("-", ""), "hex");
    const attested = Buffer.concat([aaguid, length, id, cbor(coseKey)]);
    const authData = this.#authData(options.rp.id ?? "localhost", attested, bad);
    const attestationObject = cbor(
      new Map<Cbor, Cbor>([
        ["fmt", "none"],
        ["attStmt", new Map()],
        ["authData", authData],
      ]),
    );
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: "public-key",
      clientExtensionResults: {},
      response: {
        clientDataJSON: this.#clientData("webauthn.create", options.challenge, bad),
        attestationObject: b64url(attestationObject),
        transports: ["internal"],
      },
    };
  }

  /** Answers `navigator.credentials.get()` for `options`, counting one more use. */
  authenticate(options: RequestOptionsJSON, bad: Misbehaviour = {}): AuthenticationCredentialJSON {
    this.counter += 1;
    const authData = this.#authData(options.rpId ?? "localhost", undefined, bad);
    const clientDataJSON = this.#clientData("webauthn.get", options.challenge, bad);
    const signed = Buffer.concat([authData, sha256(Buffer.from(clientDataJSON, "base64url"))]);
    const signature = sign("sha256", signed, { key: this.#privateKey, dsaEncoding: "der" });
    const userHandle = bad.userHandle === undefined ? this.userHandle : bad.userHandle;
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: "public-key",
      clientExtensionResults: {},
      response: {
        clientDataJSON,
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        ...(userHandle === null || userHandle === undefined ? {} : { userHandle }),
      },
    };
  }
}
