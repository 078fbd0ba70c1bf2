import {
  type Scope,
  SERVICE_TOKEN_MAX_AGE_SECONDS,
  type ServiceTokenClaims,
  serviceTokenClaimsSchema,
} from "@handoff/types";
import { type CryptoKey, decodeJwt, importJWK, jwtVerify } from "jose";
import type { ServiceContext } from "../context.js";
import { fail } from "../http/fail.js";
import type { ClientRecord } from "../storage/records.js";

/** Seconds a token's `iat` may lie in the future, for clock skew. */
export const CLOCK_SKEW_SECONDS = 30;

/** A verified service token and the client that signed it. */
export interface VerifiedServiceToken {
  client: ClientRecord;
  claims: ServiceTokenClaims;
}

/**
 * Each client's imported public key, by its record: the storage keeps a client's record for a while
 * once read, so the key is imported about once per client and cache period; a storage handing out
 * a new record per read would import per request, correctly but slowly.
 */
const keyCache = new WeakMap<ClientRecord, Promise<CryptoKey>>();

function clientKey(client: ClientRecord): Promise<CryptoKey> {
  let key = keyCache.get(client);
  if (!key) {
    key = importJWK(client.publicKeyJwk, "ES256").then((imported) => {
      if (imported instanceof Uint8Array) throw new Error("client key is not asymmetric");
      return imported;
    });
    keyCache.set(client, key);
  }
  return key;
}

/**
 * Verifies a service token for an endpoint that needs `scope`: ES256 only, signed by the client
 * it names, `iat` at most 5 minutes old and not in the future, `exp` when present, the nonce
 * never seen before, and the right scope.
 *
 * @throws `missing_token`, `invalid_token` (401) or `forbidden` (403).
 */
export async function verifyServiceToken(
  context: ServiceContext,
  authorization: string | undefined,
  scope: Scope,
): Promise<VerifiedServiceToken> {
  const token = await authenticateServiceToken(context, authorization, scope);
  await useServiceTokenNonce(context, token);
  return token;
}

/**
 * Everything {@link verifyServiceToken} checks but the nonce, which reads the database and writes
 * nothing: a route that does its writes in one transaction verifies the token (a signature check
 * that must not hold the database) before it, and spends the nonce inside it with
 * {@link useServiceTokenNonce}.
 *
 * @throws `missing_token`, `invalid_token` (401) or `forbidden` (403).
 */
export async function authenticateServiceToken(
  context: ServiceContext,
  authorization: string | undefined,
  scope: Scope,
): Promise<VerifiedServiceToken> {
  if (!authorization) throw fail("missing_token", `This endpoint needs a service token with scope ${scope}.`);
  const match = /^Bearer\s+([A-Za-z0-9_\-.]+)$/i.exec(authorization.trim());
  if (!match) throw fail("invalid_token", "The Authorization header must be `Bearer <service token>`.");
  const token = match[1] as string;

  let clientId: unknown;
  try {
    clientId = decodeJwt(token).client_id;
  } catch {
    throw fail("invalid_token", "The service token is not a JWT.");
  }
  if (typeof clientId !== "string" || clientId.length > 128)
    throw fail("invalid_token", "The service token has no client_id.");
  const client = await context.storage.clients.get(clientId);
  if (!client) throw fail("invalid_token", "The service token's client is unknown.");

  const nowSeconds = Math.floor(context.now().getTime() / 1000);
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, await clientKey(client), {
      algorithms: ["ES256"],
      clockTolerance: CLOCK_SKEW_SECONDS,
      currentDate: context.now(),
    }));
  } catch {
    throw fail("invalid_token", "The service token's signature, algorithm or expiry is not valid.");
  }
  const parsed = serviceTokenClaimsSchema.safeParse(payload);
  if (!parsed.success) throw fail("invalid_token", "The service token's claims are malformed.");
  const claims = parsed.data;
  if (claims.iat > nowSeconds + CLOCK_SKEW_SECONDS)
    throw fail("invalid_token", "The service token was issued in the future.");
  if (claims.iat < nowSeconds - SERVICE_TOKEN_MAX_AGE_SECONDS)
    throw fail("invalid_token", "The service token is too old.");
  if (claims.type !== scope)
    throw fail("forbidden", `This endpoint needs scope ${scope}, the token has ${claims.type}.`);
  return { client, claims };
}

/**
 * Spends the nonce of a token {@link authenticateServiceToken} verified: a nonce is accepted once
 * while its token could still verify.
 *
 * @throws `invalid_token` (401) for a nonce already used.
 */
export async function useServiceTokenNonce(
  context: Pick<ServiceContext, "storage" | "now">,
  token: VerifiedServiceToken,
): Promise<void> {
  const { client, claims } = token;
  // Its age again, now: a request that queued for the database may have outlived its token, and
  // a nonce's row is kept only while its token could verify (a later one may take its place).
  if (claims.iat < Math.floor(context.now().getTime() / 1000) - SERVICE_TOKEN_MAX_AGE_SECONDS) {
    throw fail("invalid_token", "The service token is too old.");
  }
  const nonceExpiry = new Date((claims.iat + SERVICE_TOKEN_MAX_AGE_SECONDS + CLOCK_SKEW_SECONDS) * 1000);
  if (!(await context.storage.attempts.useNonce(client.id, claims.nonce, nonceExpiry))) {
    throw fail("invalid_token", "The service token was already used (replayed nonce).");
  }
}
