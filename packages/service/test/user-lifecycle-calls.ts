import type { Scope } from "@handoff/types";
import type { TestService } from "./helpers.js";

/**
 * The user lifecycle endpoints of a test service, called as the client's backend: delete by
 * username or id, deactivate, activate. `claims` binds the token (`user_id`, `username`).
 */
export function userLifecycleCalls(t: TestService) {
  const send = async (method: string, path: string, scope: Scope, claims: Record<string, unknown>, body?: unknown) =>
    fetch(`${t.service.url}${path}`, {
      method,
      headers: { "content-type": "application/json", authorization: `Bearer ${await t.token(scope, claims)}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const byId = (id: string) => `/api/native/manage/users/${encodeURIComponent(id)}`;
  return {
    deleteByName: (username: string, claims: Record<string, unknown> = {}) =>
      send("POST", "/api/native/manage/users/delete", "users.delete", claims, { username }),
    deleteById: (id: string, claims: Record<string, unknown> = {}) => send("DELETE", byId(id), "users.delete", claims),
    deactivate: (id: string, claims: Record<string, unknown> = {}) =>
      send("PUT", `${byId(id)}/deactivate`, "users.deactivate", claims),
    activate: (id: string, claims: Record<string, unknown> = {}) =>
      send("PUT", `${byId(id)}/activate`, "users.activate", claims),
  };
}

/** `{status, code}` of an answer, to compare refusals at a glance. */
export async function statusAndCode(response: Response): Promise<{ status: number; code: unknown }> {
  const body = (await response.json()) as { code?: unknown };
  return { status: response.status, code: body.code };
}
