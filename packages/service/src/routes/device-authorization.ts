import {
  deviceAuthorizationFormSchema,
  deviceAuthorizationResponseSchema,
  ENDPOINTS,
  formatUserCode,
} from "@handoff/types";
import type { Hono } from "hono";
import type { ServiceContext } from "../context.js";
import { authenticateClient } from "../device-grant/authenticate-client.js";
import { OAuthError } from "../device-grant/oauth-error.js";
import { readForm } from "../device-grant/read-form.js";
import { parseScope } from "../device-grant/scopes.js";
import { startDeviceAuthorization } from "../device-grant/start-device-authorization.js";
import { reply } from "../http/json.js";

/** The verification page with the user code in its query (`user_code`), for a QR code or a link. */
function withUserCode(verificationUri: string, userCode: string): string {
  const url = new URL(verificationUri);
  url.searchParams.set("user_code", userCode);
  return url.href;
}

/**
 * `POST /oauth/device_authorization` (RFC 8628 §3.1–3.2), form-encoded: authenticates the client
 * (`none` or `private_key_jwt`), checks the scope, and answers the device code, the user code
 * (`BDWP-HQPK`), the client's verification page, `expires_in` and `interval`. Errors are RFC
 * 6749 §5.2 bodies ([contract](../../../../docs/contract.md#oauth-device-authorization-grant-rfc-8628)).
 */
export function registerDeviceAuthorizationRoute(app: Hono, context: ServiceContext): void {
  app.post(ENDPOINTS.deviceAuthorization.path, async (c) => {
    const form = await readForm(c, deviceAuthorizationFormSchema);
    const client = await authenticateClient(c, context, form);
    const scope = parseScope(form.scope);
    if (context.closing.value) throw new OAuthError("temporarily_unavailable", "The service is shutting down.");
    const { record, deviceCode, userCode } = await startDeviceAuthorization(c, context, client, scope);
    const shown = formatUserCode(userCode);
    const { verificationUri } = client.deviceGrant;
    return reply(c, deviceAuthorizationResponseSchema, {
      device_code: deviceCode,
      user_code: shown,
      verification_uri: verificationUri,
      verification_uri_complete: withUserCode(verificationUri, shown),
      expires_in: Math.round((record.expiresAt.getTime() - record.createdAt.getTime()) / 1000),
      interval: record.intervalSeconds,
    });
  });
}
