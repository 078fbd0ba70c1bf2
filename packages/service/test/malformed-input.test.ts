import { ENDPOINTS } from "@handoff/types";
import { describe, expect, it } from "vitest";
import { useService } from "./helpers.js";

const t = await useService({ maxBodyBytes: 64 * 1024 });
// The JSON endpoints; the form-encoded OAuth ones answer RFC 6749 errors (`oauth-fuzz.test.ts`).
const paths = Object.values(ENDPOINTS)
  .filter((endpoint) => endpoint.method === "POST" && !("body" in endpoint))
  .map((endpoint) => endpoint.path.replace("{type}", "short"));

const bodies: [string, string][] = [
  ["invalid JSON", "{"],
  ["a JSON string", JSON.stringify("hello")],
  ["null", "null"],
  ["an array", "[1,2,3]"],
  ["an empty object", "{}"],
  ["wrong types", JSON.stringify({ client_id: 1, username: [], user_id: {}, purpose: true, code: 5, email: 7 })],
  ["__proto__ and constructor keys", '{"__proto__":{"admin":true},"constructor":{"prototype":{}},"username":"x"}'],
  [
    "unicode and control characters",
    JSON.stringify({ client_id: "\u0000\u202e", username: "👩‍💻\uD800", code: "١٢٣٤٥٦" }),
  ],
  ["deeply nested", `${"[".repeat(5000)}${"]".repeat(5000)}`],
  ["huge number", '{"key_length":1e999,"authorize":1e999}'],
];

async function expectClientError(response: Response) {
  expect(response.status, `${response.url} answered ${response.status}`).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  const body = (await response.json()) as Record<string, unknown>;
  expect(typeof body.code).toBe("string");
  expect(typeof body.message).toBe("string");
  return body;
}

describe("no endpoint answers 500 to a malformed request", () => {
  for (const path of paths) {
    it.each(bodies)(`${path}: %s`, async (_, raw) => {
      const token = await t.token("codes.generate");
      await expectClientError(await t.post(path, raw, { token }));
      await expectClientError(await t.post(path, raw));
    });
  }

  it("a body over the limit → 413 payload_too_large (1 MB)", async () => {
    const response = await t.post(
      "/api/native/manage/users/retrieve",
      JSON.stringify({ username: "x".repeat(1_000_000) }),
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: "payload_too_large" });
  });

  it("a chunked body over the limit → 413 too", async () => {
    const huge = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new Uint8Array(64 * 1024).fill(32));
        controller.close();
      },
    });
    const response = await fetch(`${t.service.url}/api/native/manage/users/retrieve`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: huge,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
  });

  it("a chunked body under the limit is read like any other", async () => {
    const body = new TextEncoder().encode(JSON.stringify({ username: "nobody@example.com" }));
    const response = await fetch(`${t.service.url}/api/native/manage/users/retrieve`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await t.token("users.retrieve")}` },
      body: new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(body.subarray(0, 5));
          controller.enqueue(body.subarray(5));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(await expectClientError(response)).toMatchObject({ code: "user_not_found" });
  });

  it("a body that is not JSON → 415 unsupported_media_type", async () => {
    const response = await t.post("/api/native/authenticate/code/wait", "a=b", {
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ code: "unsupported_media_type" });
  });

  it("an unknown code type in the path → 400, an unknown route → 404, a wrong method → 405", async () => {
    const badType = await t.post("/api/native/codes/medium/generate", {}, { token: await t.token("codes.generate") });
    expect(await expectClientError(badType)).toMatchObject({ code: "invalid_request" });
    expect(await expectClientError(await fetch(`${t.service.url}/nope`))).toMatchObject({ code: "not_found" });
    expect(await expectClientError(await fetch(`${t.service.url}/api/native/authenticate/code/wait`))).toMatchObject({
      code: "method_not_allowed",
    });
  });

  it("answers carry security headers and no CORS for unlisted origins", async () => {
    const response = await fetch(`${t.service.url}/health`, { headers: { origin: "https://evil.example" } });
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    const nullOrigin = await fetch(`${t.service.url}/health`, { headers: { origin: "null" } });
    expect(nullOrigin.headers.get("access-control-allow-origin")).toBeNull();
    const listed = await fetch(`${t.service.url}/.well-known/jwks.json`, { headers: { origin: t.origin } });
    expect(listed.headers.get("access-control-allow-origin")).toBe(t.origin);
    expect(listed.headers.get("vary")).toBe("Origin");
    // A route's own caching wins over the default; every answer still has the other headers.
    expect(listed.headers.get("cache-control")).toBe("public, max-age=300");
    expect(listed.headers.get("x-frame-options")).toBe("DENY");
    const refused = await fetch(`${t.service.url}/api/native/manage/users/retrieve`, { method: "POST" });
    expect(refused.status).toBe(415);
    expect(refused.headers.get("cache-control")).toBe("no-store");
    expect(refused.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(refused.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("a browser wait from an origin the client does not list → 403 origin_not_allowed", async () => {
    const response = await t.post(
      "/api/native/authenticate/code/wait",
      { client_id: t.clientId, username: "a", authentication_code: { code: "123456", type: "short" } },
      { headers: { origin: "https://evil.example" } },
    );
    expect(await expectClientError(response)).toMatchObject({ code: "origin_not_allowed" });
  });
});
