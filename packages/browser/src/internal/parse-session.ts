import type { AuthenticationResponse } from "@handoff/types";
import { type Session, toSession } from "@handoff/types/core/session";
import { isName } from "@handoff/types/core/text";

/*
 * Hand-written twin of `authenticationResponseSchema` from `@handoff/types` (the contract's
 * authentication answer), converted by the core's `toSession`. The zod schema costs ≈ 6 kB
 * min+gzip in a browser bundle; this costs a few hundred bytes. `test/parsers-match-schemas.test.ts`
 * checks, property-based, that both accept the same bodies and give the same session.
 */

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Parses a `200` body of an authentication (the wait, passkey and device-key sign-in) into a
 * {@link Session}, or returns `undefined` when it does not match the contract. Unknown fields
 * are dropped, as the schema does.
 */
export function parseSession(body: unknown): Session | undefined {
  if (!isObject(body)) return undefined;
  const { client, credential, user, jwt } = body;
  const isAuthenticated = body.is_authenticated;
  // idSchema (max 128) and usernameSchema (max 256): `isName` counts code points, as zod does.
  if (!isObject(client) || !isName(client.id, 128) || typeof client.type !== "string") return undefined;
  if (!isObject(credential) || !isName(credential.uuid, 128)) return undefined;
  if (typeof credential.type !== "string" || typeof credential.name !== "string") return undefined;
  if (!isObject(user) || !isName(user.id, 128) || !isName(user.username, 256)) return undefined;
  if (!isName(user.namespace_id, 128)) return undefined;
  if (typeof jwt !== "string" || jwt.length === 0 || typeof isAuthenticated !== "boolean") return undefined;
  // Every field `toSession` reads was checked above, and it copies only those: unknown fields are dropped.
  return toSession(body as AuthenticationResponse);
}
