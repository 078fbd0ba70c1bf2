import { describe, expect, it } from "vitest";
import { deviceBody, keys } from "./device-key-helpers.js";
import { useService } from "./helpers.js";

const t = await useService();
const email = "malformed@example.com";
const valid = {
  signup: { email },
  devices: deviceBody(email, "mouse132", keys.p256().publicKey),
  init: { email, key_id: crypto.randomUUID() },
  complete: { email, key_id: crypto.randomUUID(), challenge: "AAAA", signature: "AAAA" },
};
const paths = {
  signup: "/pwless/signup",
  devices: "/pwless/devices",
  init: "/pwless/login/init",
  complete: "/pwless/login/complete",
} as const;

const long = "x".repeat(5000);
/** [name, the field it breaks (null: the whole body), mutation]. */
const mutations: [string, string | null, (body: Record<string, unknown>) => unknown][] = [
  ["empty object", null, () => ({})],
  ["array", null, () => []],
  ["null", null, () => "null"],
  ["number", null, () => "42"],
  ["truncated JSON", null, () => '{"email": "a@b.c"'],
  ["very long strings", null, (b) => Object.fromEntries(Object.keys(b).map((k) => [k, long]))],
  ["email not an email", "email", (b) => ({ ...b, email: "not-an-email" })],
  ["email a number", "email", (b) => ({ ...b, email: 7 })],
  ["email with a control character", "email", (b) => ({ ...b, email: "a\u0000@b.co" })],
  ["key_data not base64", "key_data", (b) => ({ ...b, key_data: "!!!not base64!!!" })],
  ["key_data random bytes", "key_data", (b) => ({ ...b, key_data: Buffer.from("no key at all").toString("base64") })],
  ["key_length a string", "key_length", (b) => ({ ...b, key_length: "256" })],
  ["key_length negative", "key_length", (b) => ({ ...b, key_length: -256 })],
  ["key_type unknown", "key_type", (b) => ({ ...b, key_type: "dsa" })],
  ["key_id empty", "key_id", (b) => ({ ...b, key_id: "" })],
  ["signature not base64url", "signature", (b) => ({ ...b, signature: "a+b/c=" })],
  ["challenge empty", "challenge", (b) => ({ ...b, challenge: "" })],
  ["security_code empty", "security_code", (b) => ({ ...b, security_code: "" })],
  ["security_nonce_signed a number", "security_nonce_signed", (b) => ({ ...b, security_nonce_signed: 5 })],
  ["client_id unknown", "client_id", (b) => ({ ...b, client_id: "nope" })],
  // These must change nothing: the answer is whatever the valid body gets, never a 500.
  ["__proto__ key", "-", (b) => `{"__proto__": {"email": "x"}, ${JSON.stringify(b).slice(1)}`],
  ["duplicate keys", "-", (b) => `{"email": 1, ${JSON.stringify(b).slice(1)}`],
];
/** Optional fields each endpoint takes (absent from the valid bodies). */
const optionalFields: Record<keyof typeof paths, string[]> = {
  signup: ["client_id"],
  devices: ["client_id", "security_nonce_signed"],
  init: ["client_id"],
  complete: [],
};

describe("malformed /pwless bodies answer 4xx, never 500", () => {
  for (const [endpoint, path] of Object.entries(paths) as [keyof typeof paths, string][]) {
    it.each(mutations)(`${endpoint}: %s`, async (_, field, mutate) => {
      const body: Record<string, unknown> = { ...valid[endpoint] };
      const breaks = field === null || field in body || optionalFields[endpoint].includes(field);
      const response = await t.post(path, mutate(body));
      expect(response.status).toBeLessThan(500);
      if (breaks) expect(response.status).toBeGreaterThanOrEqual(400);
      const answer = (await response.json()) as Record<string, unknown>;
      if (response.status >= 400) {
        expect(typeof answer.code).toBe("string");
        expect(String(answer.message)).not.toMatch(/\.ts:|\bat \w+ \(|stack/i);
      }
    });
  }

  it("a wrong content type is 415 and a GET is 405", async () => {
    for (const path of Object.values(paths)) {
      const text = await fetch(`${t.service.url}${path}`, { method: "POST", body: "email=a@b.c" });
      expect(text.status).toBe(415);
      expect((await fetch(`${t.service.url}${path}`)).status).toBe(405);
    }
  });
});
