import {
  type CreationOptionsJSON,
  type CredentialWire,
  credentialResponseSchema,
  listCredentialsResponseSchema,
  registrationOptionsResponseSchema,
} from "@handoff/types";
import { expect } from "vitest";
import type { TestService } from "./helpers.js";

/** The credential endpoints of a test service, called as the client's backend. */
export function credentialCalls(t: TestService) {
  const ok = async (response: Response) => {
    if (response.status !== 200) expect.fail(`${response.status} ${await response.text()}`);
    return response.json() as Promise<unknown>;
  };
  const api = {
    /** `GET /api/native/credentials?user_id=` with a `credentials.list` token (or `token`). */
    async listResponse(userId: string, options: { token?: string; headers?: Record<string, string> } = {}) {
      const token = options.token ?? (await t.token("credentials.list"));
      return fetch(`${t.service.url}/api/native/credentials?user_id=${encodeURIComponent(userId)}`, {
        headers: { authorization: `Bearer ${token}`, ...options.headers },
      });
    },
    async list(userId: string): Promise<CredentialWire[]> {
      return listCredentialsResponseSchema.parse(await ok(await api.listResponse(userId))).credentials;
    },
    async renameResponse(userId: string, uuid: string, name: string, token?: string) {
      return t.post(
        "/api/native/credentials/rename",
        { client_id: t.clientId, user_id: userId, credential: { uuid, name } },
        { token: token ?? (await t.token("credentials.rename")) },
      );
    },
    async rename(userId: string, uuid: string, name: string): Promise<CredentialWire> {
      return credentialResponseSchema.parse(await ok(await api.renameResponse(userId, uuid, name))).credential;
    },
    async revokeResponse(userId: string, uuid: string, options: { force?: boolean; token?: string } = {}) {
      return t.post(
        "/api/native/credentials/revoke",
        { client_id: t.clientId, user_id: userId, credential: { uuid }, ...(options.force ? { force: true } : {}) },
        { token: options.token ?? (await t.token("credentials.revoke")) },
      );
    },
    async revoke(userId: string, uuid: string, force = false): Promise<CredentialWire> {
      return credentialResponseSchema.parse(await ok(await api.revokeResponse(userId, uuid, { force }))).credential;
    },
    /** `POST /api/native/credentials/fido2/init/force` with a `credentials.force_add` token (or `token`). */
    async forceAddResponse(userId: string, options: { token?: string; clientId?: string } = {}) {
      return t.post(
        "/api/native/credentials/fido2/init/force",
        { client_id: options.clientId ?? t.clientId, user_id: userId },
        { token: options.token ?? (await t.token("credentials.force_add", { user_id: userId })) },
      );
    },
    async forceAddOptions(userId: string): Promise<CreationOptionsJSON> {
      return registrationOptionsResponseSchema.parse(await ok(await api.forceAddResponse(userId))).options;
    },
  };
  return api;
}
