import type { CeremonyKind } from "./challenges.js";

/**
 * The one ceremony that adds a passkey to an existing user, however it was allowed
 * ([contract: passkeys](../../../../docs/contract.md#passkeys-webauthn)): both inits store a
 * challenge of this kind, and `…/credentials/fido2/complete` redeems either.
 */
export const ADD_CREDENTIAL_CEREMONY: CeremonyKind = "webauthn.add_credential";

/**
 * What allowed a browser to add a passkey, as its challenge records it: an authorized
 * `add_credential` code (consumed at `complete`), or the user's backend at
 * `…/credentials/fido2/init/force` (a `credentials.force_add` service token), at `grantedAt`.
 */
export type AddCredentialGrant = { by: "code"; codeId: string } | { by: "backend"; grantedAt: Date };

/**
 * The challenge data that records a grant.
 *
 * @example
 * grantData({ by: "code", codeId }); // { codeId }
 */
export function grantData(grant: AddCredentialGrant): Record<string, unknown> {
  return grant.by === "code" ? { codeId: grant.codeId } : { forcedAt: grant.grantedAt.getTime() };
}

/**
 * The grant a challenge's data records; `undefined` when it records none, or both (never
 * written so: refused rather than guessed).
 *
 * @example
 * readGrant(record.data)?.by; // "code" | "backend" | undefined
 */
export function readGrant(data: Record<string, unknown>): AddCredentialGrant | undefined {
  const { codeId, forcedAt } = data;
  if (typeof codeId === "string" && forcedAt === undefined) return { by: "code", codeId };
  if (typeof forcedAt === "number" && codeId === undefined) return { by: "backend", grantedAt: new Date(forcedAt) };
  return undefined;
}
