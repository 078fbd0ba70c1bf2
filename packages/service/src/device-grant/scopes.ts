import { OAuthError } from "./oauth-error.js";

/** The scopes a device authorization may ask for: `openid` adds an ID token to the answer. */
export const SUPPORTED_SCOPES: readonly string[] = ["openid"];

/**
 * The `scope` parameter (RFC 6749 §3.3: space-separated, case-sensitive) in canonical form: each
 * scope once, in the order of {@link SUPPORTED_SCOPES}; `""` when none was asked for.
 *
 * @throws {OAuthError} `invalid_scope` for a scope the service does not support.
 */
export function parseScope(scope: string | undefined): string {
  const asked = new Set((scope ?? "").split(" ").filter((token) => token !== ""));
  for (const token of asked) {
    if (!SUPPORTED_SCOPES.includes(token)) {
      throw new OAuthError("invalid_scope", `Unsupported scope; this service supports: ${SUPPORTED_SCOPES.join(" ")}.`);
    }
  }
  return SUPPORTED_SCOPES.filter((token) => asked.has(token)).join(" ");
}
