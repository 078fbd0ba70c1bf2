/**
 * oidc-provider's device flow (RFC 8628), run as its own process like the service: one public
 * client allowed `urn:ietf:params:oauth:grant-type:device_code`, ID tokens signed ES256 with a key
 * made at start, cookie keys set, the development interactions off, and oidc-provider's
 * in-memory adapter (a production deployment plugs in Redis or a database; oidc-provider ships
 * only this one). oidc-provider has no rate limiter of its own (its documentation leaves that to
 * the proxy or a Koa middleware) and logs nothing unless `DEBUG` is set; like a production
 * deployment, this process writes its `server_error` events to stderr.
 *
 * The only route that is not oidc-provider's is the login form a user submits once, when the
 * bench signs in its approvers (before anything is timed): `POST /interaction/:uid/login` with
 * `account_id`, answered the way a real login and consent page answers, with
 * `interactionFinished` (a login and a grant of `openid` for the client). Afterwards every
 * approval is oidc-provider's own user-code pages, driven over HTTP with the approver's session.
 * Prints `{"url": …}` on stdout once listening on 127.0.0.1.
 *
 *   node bench/lib/peers/oidc-provider-server.ts
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair } from "jose";
import Provider from "oidc-provider";
import { DEVICE_CLIENT_ID, DEVICE_CODE_GRANT_TYPE } from "./device-client.ts";

const readBody = async (request: IncomingMessage): Promise<URLSearchParams> => {
  let body = "";
  for await (const chunk of request) body += String(chunk);
  return new URLSearchParams(body);
};

const server = createServer();
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const { privateKey } = await generateKeyPair("ES256", { extractable: true });
const provider = new Provider(issuer, {
  clients: [
    {
      client_id: DEVICE_CLIENT_ID,
      token_endpoint_auth_method: "none",
      grant_types: [DEVICE_CODE_GRANT_TYPE],
      response_types: [],
      redirect_uris: [],
      id_token_signed_response_alg: "ES256",
    },
  ],
  features: { deviceFlow: { enabled: true }, devInteractions: { enabled: false } },
  jwks: { keys: [{ ...(await exportJWK(privateKey)), alg: "ES256", use: "sig", kid: "bench" }] },
  cookies: { keys: [randomBytes(32).toString("base64url")] },
  findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub }) }),
});
provider.on("server_error", (_ctx, error) => process.stderr.write(`oidc-provider server_error: ${String(error)}\n`));
const callback = provider.callback();

server.on("request", (request, response) => {
  if (request.method === "POST" && /^\/interaction\/[^/]+\/login$/.test(request.url ?? "")) {
    void (async () => {
      try {
        const accountId = (await readBody(request)).get("account_id") ?? "";
        const details = await provider.interactionDetails(request, response);
        const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
        grant.addOIDCScope("openid");
        const grantId = await grant.save();
        await provider.interactionFinished(request, response, { login: { accountId }, consent: { grantId } });
      } catch (error) {
        response.writeHead(400).end(String(error));
      }
    })();
    return;
  }
  void callback(request, response);
});
process.stdout.write(`${JSON.stringify({ url: issuer })}\n`);
process.on("SIGTERM", () => server.close(() => process.exit(0)));
