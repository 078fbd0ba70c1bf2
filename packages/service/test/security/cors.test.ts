import { ENDPOINTS } from "@handoff/types";
import { describe, expect, it } from "vitest";
import { useService } from "../helpers.js";

const t = await useService();
const endpoints = Object.values(ENDPOINTS).map((endpoint) => ({
  ...endpoint,
  url: `${t.service.url}${endpoint.path.replace("{type}", "short").replace("{id}", "some-user-id")}`,
}));
const management = endpoints.filter((endpoint) => endpoint.auth === "service_token");
const browserFacing = endpoints.filter((endpoint) => endpoint.auth !== "service_token");

/** Every `Access-Control-*` header of an answer, and whether `Vary` names `Origin`. */
function corsHeaders(response: Response): string[] {
  const names = [...response.headers.keys()].filter((name) => name.startsWith("access-control-"));
  if (/\borigin\b/i.test(response.headers.get("vary") ?? "")) names.push("vary: origin");
  return names;
}

function preflight(url: string, origin: string) {
  return fetch(url, {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
  });
}

function call(endpoint: (typeof endpoints)[number], origin: string) {
  return endpoint.method === "GET"
    ? fetch(endpoint.url, { headers: { origin } })
    : fetch(endpoint.url, {
        method: endpoint.method,
        headers: { origin, "content-type": "application/json" },
        ...(endpoint.method === "DELETE" || endpoint.method === "PUT" ? {} : { body: "{}" }),
      });
}

describe("CORS", () => {
  it("the two groups cover the endpoint table: users, codes, credentials and device approvals are management, the rest browser-facing", () => {
    expect(management.map((endpoint) => endpoint.path).sort()).toEqual([
      "/api/native/codes/{type}/authorize",
      "/api/native/codes/{type}/generate",
      "/api/native/codes/{type}/invalidate-all",
      "/api/native/codes/{type}/pending",
      "/api/native/credentials",
      "/api/native/credentials/fido2/init/force",
      "/api/native/credentials/rename",
      "/api/native/credentials/revoke",
      "/api/native/device-authorizations/approve",
      "/api/native/device-authorizations/deny",
      "/api/native/device-authorizations/retrieve",
      "/api/native/manage/users",
      "/api/native/manage/users/delete",
      "/api/native/manage/users/retrieve",
      "/api/native/manage/users/{id}",
      "/api/native/manage/users/{id}/activate",
      "/api/native/manage/users/{id}/deactivate",
    ]);
    expect(browserFacing.map((endpoint) => endpoint.path)).toContain("/api/native/authenticate/code/wait");
  });

  for (const endpoint of management) {
    it(`management ${endpoint.path}: no CORS header at all, even for a listed origin`, async () => {
      const answer = await call(endpoint, t.origin);
      expect(answer.status).toBe(401);
      expect(corsHeaders(answer)).toEqual([]);
      const asked = await preflight(endpoint.url, t.origin);
      expect(asked.status).toBeGreaterThanOrEqual(400);
      expect(corsHeaders(asked)).toEqual([]);
      expect(await asked.json()).toMatchObject({ code: "method_not_allowed" });
    });
  }

  for (const endpoint of browserFacing) {
    it(`browser-facing ${endpoint.method} ${endpoint.path}: a listed origin only, never null`, async () => {
      const allowed = await preflight(endpoint.url, t.origin);
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get("access-control-allow-origin")).toBe(t.origin);
      expect(allowed.headers.get("access-control-allow-credentials")).toBeNull();
      for (const origin of ["https://evil.example", "null", `${t.origin}.evil.example`, t.origin.toUpperCase()]) {
        const refused = await preflight(endpoint.url, origin);
        expect(refused.status, origin).toBe(403);
        expect(refused.headers.get("access-control-allow-origin"), origin).toBeNull();
        expect((await call(endpoint, origin)).headers.get("access-control-allow-origin"), origin).toBeNull();
      }
      const answer = await call(endpoint, t.origin);
      expect(answer.headers.get("access-control-allow-origin")).toBe(t.origin);
      expect(answer.headers.get("vary")).toMatch(/origin/i);
    });
  }

  it("routes outside the contract (health, unknown paths) send no CORS headers", async () => {
    for (const path of ["/health", "/nope", "/api/native/codes/short"]) {
      expect(corsHeaders(await fetch(`${t.service.url}${path}`, { headers: { origin: t.origin } })), path).toEqual([]);
      expect(corsHeaders(await preflight(`${t.service.url}${path}`, t.origin)), path).toEqual([]);
    }
  });
});
