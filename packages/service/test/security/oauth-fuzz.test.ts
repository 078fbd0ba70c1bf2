import { DEVICE_CODE_GRANT_TYPE, JWT_BEARER_ASSERTION_TYPE, OAUTH_ERROR_CODES, oauthErrorSchema } from "@handoff/types";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { useService } from "../helpers.js";
import { brokenText, fuzzString, headerValue } from "./fuzz-arbitraries.js";

/** Property runs per endpoint; `HANDOFF_LOAD=1` runs ten times as many. */
const RUNS = process.env.HANDOFF_LOAD === "1" ? 400 : 40;
const t = await useService();
await t.service.setDeviceGrant(t.clientId, { verificationUri: "https://app.example/device" });

/** A form value: often a meaningful one, else anything. */
const value = (...meaningful: string[]) =>
  fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...meaningful) }, { weight: 1, arbitrary: fuzzString });

const tokenForm = fc.record(
  {
    grant_type: value(DEVICE_CODE_GRANT_TYPE, "authorization_code"),
    device_code: value("x".repeat(43), ""),
    client_id: value(t.clientId, "nobody"),
    client_assertion_type: value(JWT_BEARER_ASSERTION_TYPE),
    client_assertion: value("eyJhbGciOiJub25lIn0.e30.", "a.b.c"),
    handoff_wait: value("true", "false"),
  },
  { requiredKeys: [] },
);
const deviceForm = fc.record(
  {
    client_id: value(t.clientId, ""),
    scope: value("openid", "openid openid", "admin"),
    client_assertion_type: value(JWT_BEARER_ASSERTION_TYPE),
    client_assertion: value("a.b.c"),
  },
  { requiredKeys: [] },
);

/** Asserts an OAuth endpoint's answer: below 500, and every failure an RFC 6749 §5.2 body. */
async function expectOAuthAnswer(response: Response, label: string) {
  const text = await response.text();
  expect(response.status, `${label} → ${response.status} ${text.slice(0, 300)}`).toBeLessThan(500);
  if (response.status < 400) return;
  const body = oauthErrorSchema.parse(JSON.parse(text));
  expect(Object.keys(OAUTH_ERROR_CODES)).toContain(body.error);
  expect(body.error_description ?? "").not.toMatch(/\n\s+at |node:internal|\.ts:\d|\bSELECT\b|sqlite|SQLITE_/i);
}

describe("property-based fuzzing of the OAuth endpoints: never a 5xx, always {error, error_description}", () => {
  for (const [path, form] of [
    ["/oauth/token", tokenForm],
    ["/oauth/device_authorization", deviceForm],
  ] as const) {
    it(`${path}: forms, raw bodies, content types, Authorization headers`, async () => {
      const body = fc.oneof(
        {
          weight: 4,
          arbitrary: form.map((params) => new URLSearchParams(params as Record<string, string>).toString()),
        },
        { weight: 1, arbitrary: brokenText },
      );
      const type = fc.constantFrom(
        "application/x-www-form-urlencoded",
        "application/x-www-form-urlencoded; charset=utf-8",
        "application/json",
        "text/plain",
      );
      await fc.assert(
        fc.asyncProperty(body, type, fc.option(headerValue), async (raw, mediaType, authorization) => {
          const headers: Record<string, string> = { "content-type": mediaType };
          if (authorization !== null) headers.authorization = authorization;
          const response = await fetch(`${t.service.url}${path}`, { method: "POST", headers, body: raw });
          await expectOAuthAnswer(response, `${path} ${raw.slice(0, 200)}`);
        }),
        { numRuns: RUNS },
      );
    });
  }

  it("answers an oversized body 413 in the OAuth shape, before reading it", async () => {
    const response = await fetch(`${t.service.url}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `device_code=${"x".repeat(1_000_000)}`,
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: "invalid_request" });
  });
});
