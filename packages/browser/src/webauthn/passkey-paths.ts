/**
 * The six passkey paths (`ENDPOINTS.fido2…` of `@handoff/types`), inlined to keep the endpoint
 * table out of the bundle; `passkey-paths.test.ts` checks they match.
 */
export const PASSKEY_PATHS = {
  registerInit: "/api/native/register/fido2/init",
  registerComplete: "/api/native/register/fido2/complete",
  authenticateInit: "/api/native/authenticate/fido2/init",
  authenticateComplete: "/api/native/authenticate/fido2/complete",
  addCredentialInit: "/api/native/credentials/fido2/init",
  addCredentialComplete: "/api/native/credentials/fido2/complete",
} as const;
