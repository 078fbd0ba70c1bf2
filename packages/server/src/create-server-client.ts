import { bindServiceMethods } from "./internal/bind-service-methods.js";
import { resolveConfig } from "./internal/resolve-config.js";
import type { ServerClient } from "./server-client.js";
import type { ServerClientOptions } from "./server-client-options.js";
import { verifyToken } from "./tokens/verify-token.js";

/**
 * Creates the server SDK for one Handoff service and client. Cheap and synchronous: the private
 * key is imported on the first call and the JWKS fetched on the first `verifyToken`, both then
 * cached for the client's lifetime, so create one client and share it.
 *
 * Runs wherever `fetch` and WebCrypto do: Node ≥ 20, Deno, Bun, Cloudflare Workers, Vercel Edge.
 *
 * @throws {HandoffError} `invalid_argument` for a malformed option (`baseUrl` not http(s), empty
 * `clientId`, a `privateKey` that is no key, a bad `timeoutMs`, `retry` or `clockToleranceSeconds`).
 *
 * @example
 * import { createServerClient, isHandoffError } from "@handoff/server";
 *
 * const handoff = createServerClient({ baseUrl: "https://auth.example.com", clientId, privateKey });
 * const { id: userId } = await handoff.getUser("alice@example.com");
 * const { code } = await handoff.generateCode({ userId, codeType: "short", purpose: "temporary_authentication" });
 * // …the signed-in device approves:
 * await handoff.authorizeCode({ userId, code, codeType: "short", purpose: "temporary_authentication" });
 * // …the new device's wait returns a JWT; your backend checks it:
 * const claims = await handoff.verifyToken(jwt, { username: "alice@example.com" });
 */
export function createServerClient(options: ServerClientOptions): ServerClient {
  const config = resolveConfig(options);
  const methods = bindServiceMethods(config);
  return {
    clientId: config.clientId,
    baseUrl: config.baseUrl,
    ...methods,
    getUserID: methods.getUser,
    verifyToken: (jwt, verifyOptions) => verifyToken(config, jwt, verifyOptions),
  };
}
