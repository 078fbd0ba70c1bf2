import type { TokenResponse } from "@handoff/types";
import type { ServiceContext } from "../context.js";
import type { ClientRecord, DeviceAuthorizationRecord, UserRecord } from "../storage/records.js";

/**
 * The tokens of an approved device authorization (RFC 6749 §5.1): the access token is the user
 * JWT every other way in answers (ES256; `iss`, `aud` = the client, `sub`, `exp`, `jti`; `amr`
 * `["code"]` and `credential_id` the authorization's id, as a session made with a one-time code),
 * and, when `openid` was asked for, an ID token of the same user and lifetime.
 */
export async function issueTokens(
  context: ServiceContext,
  client: ClientRecord,
  user: UserRecord,
  record: DeviceAuthorizationRecord,
): Promise<TokenResponse> {
  const now = context.now().getTime();
  const lifetimeSeconds = context.options.jwtLifetimeSeconds;
  const issuer = context.issuer();
  const accessToken = await context.keys.signUserJwt({
    issuer,
    clientId: client.id,
    userId: user.id,
    username: user.username,
    credential: { type: "code", id: record.id },
    lifetimeSeconds,
    now,
  });
  const scopes = record.scope === "" ? [] : record.scope.split(" ");
  const idToken = scopes.includes("openid")
    ? await context.keys.signIdToken({
        issuer,
        clientId: client.id,
        userId: user.id,
        authTime: (record.approvedAt ?? context.now()).getTime(),
        lifetimeSeconds,
        now,
      })
    : undefined;
  return {
    access_token: accessToken,
    token_type: "Bearer",
    expires_in: lifetimeSeconds,
    ...(record.scope === "" ? {} : { scope: record.scope }),
    ...(idToken === undefined ? {} : { id_token: idToken }),
  };
}
