/**
 * Scopes of service tokens. Every management and code endpoint requires exactly one, carried
 * in the token's `type` claim (see {@link ENDPOINTS}).
 *
 * @example
 * SCOPES.includes("codes.authorize"); // true
 */
export const SCOPES = [
  "users.retrieve",
  "users.create",
  "users.delete",
  "users.activate",
  "users.deactivate",
  "codes.generate",
  "codes.authorize",
  "codes.invalidate",
  "auth.temporary",
  "credentials.add",
  "credentials.list",
  "credentials.rename",
  "credentials.revoke",
  "credentials.force_add",
  "device_authorizations.retrieve",
  "device_authorizations.approve",
  "device_authorizations.deny",
] as const;

/** One of {@link SCOPES}. */
export type Scope = (typeof SCOPES)[number];
