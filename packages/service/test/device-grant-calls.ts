import {
  DEVICE_CODE_GRANT_TYPE,
  type DeviceAuthorizationResponse,
  deviceAuthorizationResponseSchema,
} from "@handoff/types";
import type { TestService } from "./helpers.js";

/** The RFC 8628 calls of a test, over real HTTP, as a device and as the client's backend. */
export function deviceGrantCalls(t: Pick<TestService, "service" | "clientId" | "token" | "post">) {
  const form = (path: string, params: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${t.service.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams(params).toString(),
    });
  return {
    form,
    /** Starts a device authorization as the public client `clientId` (default: the test's). */
    async start(params: Record<string, string> = {}): Promise<DeviceAuthorizationResponse> {
      const response = await form("/oauth/device_authorization", { client_id: t.clientId, ...params });
      if (response.status !== 200) throw new Error(`device_authorization: ${response.status} ${await response.text()}`);
      return deviceAuthorizationResponseSchema.parse(await response.json());
    },
    /** One token request for `deviceCode`. */
    poll: (deviceCode: string, params: Record<string, string> = {}) =>
      form("/oauth/token", {
        grant_type: DEVICE_CODE_GRANT_TYPE,
        device_code: deviceCode,
        client_id: t.clientId,
        ...params,
      }),
    /** The backend's approve, deny or retrieve call with a service token of its scope. */
    async decide(
      action: "approve" | "deny" | "retrieve",
      userCode: string,
      userId?: string,
      claims: Record<string, unknown> = {},
    ): Promise<Response> {
      return t.post(
        `/api/native/device-authorizations/${action}`,
        { client_id: t.clientId, user_code: userCode, ...(userId === undefined ? {} : { user_id: userId }) },
        { token: await t.token(`device_authorizations.${action}`, claims) },
      );
    },
  };
}
