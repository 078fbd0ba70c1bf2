import { JWT_BEARER_ASSERTION_TYPE } from "@handoff/types";
import type { Context } from "hono";
import { decodeJwt, importJWK, jwtVerify } from "jose";
import { CLOCK_SKEW_SECONDS } from "../auth/verify-service-token.js";
import type { ServiceContext } from "../context.js";
import type { ClientRecord, DeviceGrantSettings } from "../storage/records.js";
import { serviceUrl } from "./metadata.js";
import { OAuthError } from "./oauth-error.js";

/** Longest lifetime (`exp` − now) of a client assertion, in seconds: its `jti` is kept that long. */
export const MAX_ASSERTION_LIFETIME_SECONDS = 300;

/** A client that uses the device grant, authenticated as its settings require. */
export type DeviceGrantClient = ClientRecord & { deviceGrant: DeviceGrantSettings };

/** The client authentication fields of an OAuth request. */
export interface ClientCredentials {
  client_id?: string | undefined;
  client_assertion?: string | undefined;
  client_assertion_type?: string | undefined;
}

const invalidClient = (description = "Client authentication failed.") => new OAuthError("invalid_client", description);

/**
 * Authenticates the client of an OAuth request (RFC 6749 §2.3, §3.2.1): a public client
 * (`token_endpoint_auth_method` `none`) by its `client_id`; a confidential one by a
 * `private_key_jwt` assertion (RFC 7523 §2.2, §3): ES256, signed with the client's key, `iss` and
 * `sub` its id, `aud` the issuer or the endpoint's URL, `exp` within 5 minutes, and a `jti` used
 * once (kept with the service tokens' nonces). Any client that uses the grant may send an
 * assertion; a confidential one must.
 *
 * @throws {OAuthError} `invalid_client` (401: unknown client, bad or replayed assertion, missing
 * one, HTTP Basic), `unauthorized_client` (the client does not use the device grant).
 */
export async function authenticateClient(
  c: Context,
  context: ServiceContext,
  form: ClientCredentials,
): Promise<DeviceGrantClient> {
  if (c.req.header("authorization")) {
    throw invalidClient("HTTP authentication is not supported: send client_id, or a private_key_jwt assertion.");
  }
  const assertion = form.client_assertion;
  if (assertion === undefined && form.client_assertion_type === undefined) {
    const client = await deviceGrantClient(context, form.client_id);
    if (client.deviceGrant.tokenEndpointAuthMethod !== "none") {
      throw invalidClient("This client must authenticate with a private_key_jwt client assertion.");
    }
    return client;
  }
  if (form.client_assertion_type !== JWT_BEARER_ASSERTION_TYPE || assertion === undefined) {
    throw invalidClient(`client_assertion_type must be ${JWT_BEARER_ASSERTION_TYPE}, with a client_assertion.`);
  }
  let claimed: unknown;
  try {
    claimed = decodeJwt(assertion).sub;
  } catch {
    throw invalidClient("The client assertion is not a JWT.");
  }
  if (typeof claimed !== "string" || (form.client_id !== undefined && form.client_id !== claimed)) {
    throw invalidClient("The client assertion names another client.");
  }
  const client = await deviceGrantClient(context, claimed);
  await verifyAssertion(c, context, client, assertion);
  return client;
}

async function deviceGrantClient(context: ServiceContext, clientId: string | undefined): Promise<DeviceGrantClient> {
  if (clientId === undefined) throw invalidClient("client_id is required.");
  const client = clientId.length > 128 ? undefined : await context.storage.clients.get(clientId);
  if (!client) throw invalidClient("Unknown client.");
  const deviceGrant = await context.storage.clients.getDeviceGrant(client.id);
  if (!deviceGrant)
    throw new OAuthError("unauthorized_client", "This client does not use the device authorization grant.");
  return { ...client, deviceGrant };
}

async function verifyAssertion(c: Context, context: ServiceContext, client: ClientRecord, assertion: string) {
  const now = context.now();
  let payload: { exp?: number; jti?: string };
  try {
    const key = await importJWK(client.publicKeyJwk, "ES256");
    ({ payload } = await jwtVerify(assertion, key, {
      algorithms: ["ES256"],
      issuer: client.id,
      subject: client.id,
      audience: [context.issuer(), serviceUrl(context, c.req.path)],
      requiredClaims: ["exp", "jti"],
      clockTolerance: CLOCK_SKEW_SECONDS,
      currentDate: now,
    }));
  } catch {
    throw invalidClient("The client assertion's signature, algorithm, issuer, audience or expiry is not valid.");
  }
  const { exp, jti } = payload;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (typeof exp !== "number" || exp > nowSeconds + MAX_ASSERTION_LIFETIME_SECONDS) {
    throw invalidClient(`The client assertion must expire within ${MAX_ASSERTION_LIFETIME_SECONDS} s.`);
  }
  if (typeof jti !== "string" || jti.length < 16 || jti.length > 128) {
    throw invalidClient("The client assertion's jti must be 16–128 characters.");
  }
  // Kept until the assertion could no longer verify, under a prefix no service token nonce has.
  const keptUntil = new Date((exp + CLOCK_SKEW_SECONDS) * 1000);
  if (!(await context.storage.attempts.useNonce(client.id, `jti:${jti}`, keptUntil))) {
    throw invalidClient("The client assertion was already used.");
  }
}
