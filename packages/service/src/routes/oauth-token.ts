import { DEVICE_CODE_GRANT_TYPE, ENDPOINTS, tokenFormSchema, tokenResponseSchema } from "@handoff/types";
import type { Hono } from "hono";
import type { ServiceContext } from "../context.js";
import { answerTokenRequest } from "../device-grant/answer-token-request.js";
import { authenticateClient } from "../device-grant/authenticate-client.js";
import { findDeviceAuthorization } from "../device-grant/find-device-authorization.js";
import { OAuthError } from "../device-grant/oauth-error.js";
import { readForm } from "../device-grant/read-form.js";
import { reply } from "../http/json.js";

/**
 * `POST /oauth/token` (RFC 8628 §3.4–3.5), form-encoded, the device_code grant only: authenticates
 * the client, finds its device authorization by the device code and answers its tokens or the
 * RFC's error ([contract](../../../../docs/contract.md#oauth-device-authorization-grant-rfc-8628)).
 */
export function registerOAuthTokenRoute(app: Hono, context: ServiceContext): void {
  app.post(ENDPOINTS.token.path, async (c) => {
    const form = await readForm(c, tokenFormSchema);
    const client = await authenticateClient(c, context, form);
    if (form.grant_type !== DEVICE_CODE_GRANT_TYPE) {
      throw new OAuthError(
        "unsupported_grant_type",
        `This service serves the grant type ${DEVICE_CODE_GRANT_TYPE} only.`,
      );
    }
    if (form.device_code === undefined) throw new OAuthError("invalid_request", "device_code is required.");
    const record = await findDeviceAuthorization(c, context, client, form.device_code);
    const tokens = await answerTokenRequest(c, context, client, record, form.handoff_wait === "true");
    return reply(c, tokenResponseSchema, tokens);
  });
}
