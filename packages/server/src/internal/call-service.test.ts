import { exportJWK, generateKeyPair } from "jose";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { callService } from "./call-service.js";
import { resolveConfig } from "./resolve-config.js";
import type { ServiceRequest } from "./service-method.js";

const BASE = "https://handoff.test";
const { privateKey } = await generateKeyPair("ES256", { extractable: true });
const config = resolveConfig({ baseUrl: BASE, clientId: "c1", privateKey: await exportJWK(privateKey) });

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe("callService", () => {
  it("sends a row's query and no body when the request has none", async () => {
    const seen: { search: string; body: string; contentType: string | null }[] = [];
    server.use(
      http.post(`${BASE}/api/native/codes/long/pending`, async ({ request }) => {
        const url = new URL(request.url);
        seen.push({ search: url.search, body: await request.text(), contentType: request.headers.get("content-type") });
        return HttpResponse.json({ codes: [] });
      }),
    );
    const row = {
      endpoint: "listPendingCodes",
      binding: "user_id",
      retry: false,
      response: (data: unknown) => data,
    } as const;
    const request: ServiceRequest = { params: { type: "long" }, subject: "u1", query: { user_id: "u1" }, call: {} };
    expect(await callService(config, row, request)).toEqual({ codes: [] });
    expect(seen).toEqual([{ search: "?user_id=u1", body: "", contentType: null }]);
  });
});
