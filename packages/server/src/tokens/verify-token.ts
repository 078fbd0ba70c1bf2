import {
  HandoffError,
  isHandoffError,
  JWT_ALGORITHM,
  toUserTokenClaims,
  type UserTokenClaims,
} from "@handoff/types/core";
import { requireUsername } from "@handoff/types/core/arguments";
import { requireObject } from "../internal/arguments.js";
import type { ServerClientConfig } from "../internal/config.js";
import { loadJose, loadSchemas } from "../internal/lazy.js";

/** Longest JWT accepted, in characters; longer strings are refused before any parsing. */
export const MAX_JWT_LENGTH = 8192;

/**
 * What `verifyToken` takes.
 *
 * @example
 * const options: VerifyTokenOptions = { username: "alice@example.com" };
 */
export interface VerifyTokenOptions {
  /** When given, the token must belong to this username (its `udata` claim). */
  username?: string;
}

/**
 * Verifies a user JWT the service issued (the `jwt` a wait returned): ES256 only, signed by a key
 * of the service's JWKS (the signature in canonical base64url, so a token has one spelling), `iss` (the client's `issuer`), `aud` (this client's id), `exp` required
 * and not passed (`clockToleranceSeconds` of skew), claims of the contract's shape, and the
 * `username` when given.
 *
 * @throws {HandoffError} `jwt_expired` when the token has expired; `invalid_jwt` (with the jose
 * error as `cause`) for anything else wrong with the token; `invalid_argument` when `jwt` is not a
 * non-empty string; `network_error`, `timeout` or `invalid_response` when the JWKS cannot be
 * fetched (the token could not be checked; nothing is known about it).
 *
 * @example
 * const claims = await verifyToken(config, jwt, { username: "alice@example.com" });
 * claims.userId; // "…"
 */
export async function verifyToken(
  config: ServerClientConfig,
  jwt: string,
  options: VerifyTokenOptions = {},
): Promise<UserTokenClaims> {
  if (typeof jwt !== "string" || jwt === "") {
    throw new HandoffError("invalid_argument", "jwt must be a non-empty string.");
  }
  const input = requireObject(options, "options");
  const username = input.username === undefined ? undefined : requireUsername(input.username);
  if (jwt.length > MAX_JWT_LENGTH) {
    throw new HandoffError("invalid_jwt", `The token is longer than ${MAX_JWT_LENGTH} characters.`);
  }
  const [{ base64url, errors, jwtVerify }, { userTokenClaimsSchema }] = await Promise.all([loadJose(), loadSchemas()]);
  if (!isCanonicalBase64url(base64url, jwt.slice(jwt.lastIndexOf(".") + 1))) {
    throw new HandoffError("invalid_jwt", "The token's signature is not canonical base64url.");
  }

  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(jwt, config.keySet, {
      algorithms: [JWT_ALGORITHM],
      issuer: config.issuer,
      audience: config.clientId,
      requiredClaims: ["exp", "iat", "sub"],
      clockTolerance: config.clockToleranceSeconds,
    }));
  } catch (error) {
    if (isHandoffError(error)) throw error;
    if (error instanceof errors.JWTExpired)
      throw new HandoffError("jwt_expired", "The token has expired.", { cause: error });
    throw new HandoffError("invalid_jwt", "The token failed verification.", { cause: error });
  }

  const parsed = userTokenClaimsSchema.safeParse(payload);
  if (!parsed.success) {
    throw new HandoffError("invalid_jwt", "The token's claims do not match the contract.", { cause: parsed.error });
  }
  if (username !== undefined && parsed.data.udata !== username) {
    throw new HandoffError("invalid_jwt", "The token belongs to another user.");
  }
  // `aud` was checked to contain this client; report it rather than the first audience.
  return { ...toUserTokenClaims(parsed.data), clientId: config.clientId };
}

/**
 * Whether `segment` is the one base64url spelling of its bytes. jose decodes leniently: a last
 * character with other unused low bits gives the same bytes, so a signature would verify under
 * several spellings and one token would pass as many (a list of used tokens would miss them).
 */
function isCanonicalBase64url(
  base64url: { encode(bytes: Uint8Array): string; decode(text: string): Uint8Array },
  segment: string,
): boolean {
  try {
    return base64url.encode(base64url.decode(segment)) === segment;
  } catch {
    return false;
  }
}
