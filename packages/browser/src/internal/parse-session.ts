import type { Session } from "@handoff/types";
import { fitsCodePoints } from "./code-points.js";

/**
 * Hand-written twin of `authenticationResponseSchema` from `@handoff/types` (seed 000, Step 6),
 * converted like `toSession`. The zod schema costs ≈ 6 kB min+gzip in a browser bundle; this costs
 * a few hundred bytes. `parse-session.test.ts` runs both over the same fixtures and fails when they
 * disagree, so a schema change shows up here.
 */

/** At least one character and no control characters, as the `/^[^\p{Cc}]+$/u` of the schemas. */
const NO_CONTROL = /^[^\p{Cc}]+$/u;

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * `idSchema` (max 128) and `usernameSchema` (max 256): 1..max code points (zod counts code points,
 * not UTF-16 units; a code point is one or two units), no control characters.
 */
function isName(value: unknown, max: number): value is string {
  return typeof value === "string" && fitsCodePoints(value, max) && NO_CONTROL.test(value);
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
  if (!isObject(client) || !isName(client.id, 128) || typeof client.type !== "string") return undefined;
  if (!isObject(credential) || !isName(credential.uuid, 128)) return undefined;
  if (typeof credential.type !== "string" || typeof credential.name !== "string") return undefined;
  if (!isObject(user) || !isName(user.id, 128) || !isName(user.username, 256)) return undefined;
  if (!isName(user.namespace_id, 128)) return undefined;
  if (typeof jwt !== "string" || jwt.length === 0 || typeof isAuthenticated !== "boolean") return undefined;
  return {
    jwt,
    isAuthenticated,
    user: { id: user.id, username: user.username, namespaceId: user.namespace_id },
    client: { id: client.id, type: client.type },
    credential: { uuid: credential.uuid, type: credential.type, name: credential.name },
  };
}
