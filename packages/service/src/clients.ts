import { HandoffError } from "@handoff/types";
import { exportJWK, exportPKCS8, generateKeyPair, importJWK, type JWK } from "jose";
import { type DeviceGrantOptions, deviceGrantSettings } from "./device-grant/device-grant-settings.js";
import type { ClientRecord } from "./storage/records.js";
import type { Storage } from "./storage/storage.js";

/** What `createClient` takes. */
export interface CreateClientOptions {
  /** A name to recognise the client by. */
  name: string;
  /** Browser origins allowed to call the device endpoints, e.g. `http://localhost:5173`. */
  origins?: string[];
  /** Register this ES256 public key instead of generating a key pair. */
  publicKey?: JWK;
  /**
   * Let the client use the OAuth device authorization grant (RFC 8628): its verification page
   * and how it authenticates. Default: none (its device authorization requests answer
   * `unauthorized_client`).
   */
  deviceGrant?: DeviceGrantOptions;
}

/** A new client. The private key is returned once and never stored by the service. */
export interface CreatedClient {
  clientId: string;
  namespaceId: string;
  /** The backend's ES256 private key as a JWK (absent when `publicKey` was given). */
  privateKey?: JWK;
  /** The same key as PKCS#8 PEM, for SDKs that take PEM (`@loginid/node-sdk`). */
  privateKeyPem?: string;
}

function normaliseOrigin(origin: string): string {
  const url = new URL(origin);
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new HandoffError("invalid_argument", `origin must be http(s): ${origin}`);
  return url.origin;
}

/**
 * Creates a client with its own namespace and (unless given) a fresh ES256 key pair.
 *
 * @throws {HandoffError} `invalid_argument` for an empty name, an origin that is not http(s), a
 * public key that is not EC P-256, or device grant options `deviceGrantSettings` refuses.
 */
export async function createClient(storage: Storage, options: CreateClientOptions, now: Date): Promise<CreatedClient> {
  if (!options.name.trim()) throw new HandoffError("invalid_argument", "name must not be empty");
  const origins = (options.origins ?? []).map(normaliseOrigin);
  const deviceGrant = options.deviceGrant ? deviceGrantSettings(options.deviceGrant) : null;
  let publicKeyJwk: JWK;
  let privateKey: JWK | undefined;
  let privateKeyPem: string | undefined;
  if (options.publicKey) {
    const { d: _private, ...publicOnly } = options.publicKey;
    if (publicOnly.kty !== "EC" || publicOnly.crv !== "P-256")
      throw new HandoffError("invalid_argument", "publicKey must be an EC P-256 JWK");
    await importJWK(publicOnly, "ES256");
    publicKeyJwk = publicOnly;
  } else {
    const pair = await generateKeyPair("ES256", { extractable: true });
    publicKeyJwk = await exportJWK(pair.publicKey);
    privateKey = await exportJWK(pair.privateKey);
    privateKeyPem = await exportPKCS8(pair.privateKey);
  }
  const record: ClientRecord = {
    id: crypto.randomUUID(),
    name: options.name.trim(),
    namespaceId: crypto.randomUUID(),
    publicKeyJwk,
    origins,
    createdAt: now,
  };
  await storage.clients.insert(record);
  if (deviceGrant) await storage.clients.setDeviceGrant(record.id, deviceGrant);
  return {
    clientId: record.id,
    namespaceId: record.namespaceId,
    ...(privateKey ? { privateKey } : {}),
    ...(privateKeyPem ? { privateKeyPem } : {}),
  };
}
