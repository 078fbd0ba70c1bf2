import {
  type AuthenticationResponse,
  authenticationOptionsResponseSchema,
  authenticationResponseSchema,
  type CodeType,
  generateCodeResponseSchema,
  registrationOptionsResponseSchema,
} from "@handoff/types";
import { expect } from "vitest";
import type { TestService } from "./helpers.js";
import type { SoftAuthenticator } from "./soft-authenticator.js";

const paths = {
  registerInit: "/api/native/register/fido2/init",
  registerComplete: "/api/native/register/fido2/complete",
  authenticateInit: "/api/native/authenticate/fido2/init",
  authenticateComplete: "/api/native/authenticate/fido2/complete",
  addInit: "/api/native/credentials/fido2/init",
  addComplete: "/api/native/credentials/fido2/complete",
} as const;

/** The passkey endpoints of a test service, called as a browser at the client's origin. */
export function passkeyCalls(t: TestService) {
  const call = (name: keyof typeof paths, body: unknown, origin = t.origin) =>
    t.post(paths[name], body, { headers: { origin } });
  const ok = async (response: Response) => {
    if (response.status !== 200) expect.fail(`${response.status} ${await response.text()}`);
    return response.json() as Promise<unknown>;
  };
  const api = {
    call,
    /** Answers `{status, code}` of a refusal. */
    async refusal(response: Response): Promise<{ status: number; code: unknown }> {
      const body = (await response.json()) as { code?: unknown };
      return { status: response.status, code: body.code };
    },
    async registerOptions(username: string) {
      const body = await ok(await call("registerInit", { client_id: t.clientId, username }));
      return registrationOptionsResponseSchema.parse(body).options;
    },
    /** Sign-in options for `username`, or username-less ones without it. */
    async authenticateOptions(username?: string) {
      const body = await ok(await call("authenticateInit", { client_id: t.clientId, username }));
      return authenticationOptionsResponseSchema.parse(body).options;
    },
    async addOptions(username: string, code: string, type: CodeType = "phrase") {
      const body = await ok(
        await call("addInit", { client_id: t.clientId, username, authentication_code: { code, type } }),
      );
      return registrationOptionsResponseSchema.parse(body).options;
    },
    /** Signs up `username` with `authenticator`; returns the session. */
    async signUp(username: string, authenticator: SoftAuthenticator): Promise<AuthenticationResponse> {
      const credential = authenticator.register(await api.registerOptions(username));
      const body = await ok(await call("registerComplete", { client_id: t.clientId, username, credential }));
      return authenticationResponseSchema.parse(body);
    },
    /** Signs in `username` with `authenticator`; returns the session. */
    async signIn(username: string, authenticator: SoftAuthenticator): Promise<AuthenticationResponse> {
      const credential = authenticator.authenticate(await api.authenticateOptions(username));
      const body = await ok(await call("authenticateComplete", { client_id: t.clientId, username, credential }));
      return authenticationResponseSchema.parse(body);
    },
    /** Signs in with `authenticator` without a username; returns the session. */
    async signInWithoutUsername(authenticator: SoftAuthenticator): Promise<AuthenticationResponse> {
      const credential = authenticator.authenticate(await api.authenticateOptions());
      const body = await ok(await call("authenticateComplete", { client_id: t.clientId, credential }));
      return authenticationResponseSchema.parse(body);
    },
    /** Generates an `add_credential` code as the user's backend. */
    async generateAddCode(userId: string, authorize: boolean, type: CodeType = "phrase") {
      const response = await t.post(
        `/api/native/codes/${type}/generate`,
        { client_id: t.clientId, user_id: userId, purpose: "add_credential", authorize },
        { token: await t.token("codes.generate") },
      );
      return generateCodeResponseSchema.parse(await ok(response)).code;
    },
  };
  return api;
}
