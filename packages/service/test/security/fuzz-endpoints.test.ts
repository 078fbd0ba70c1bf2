import { generateKeyPairSync } from "node:crypto";
import { ENDPOINTS, type EndpointName, errorBodySchema, isServiceErrorCode, type Scope } from "@handoff/types";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { useService } from "../helpers.js";
import { codeCalls } from "./code-calls.js";
import { brokenText, contentType, fuzzString, headerValue, jsonText, mutatedBody } from "./fuzz-arbitraries.js";

/** Property runs per endpoint; `HANDOFF_LOAD=1` runs ten times as many. */
const RUNS = process.env.HANDOFF_LOAD === "1" ? 400 : 40;
const t = await useService();
const calls = codeCalls(t);
const knownUser = "fuzz-known@example.com";
const knownUserId = await calls.createUser(knownUser);
await calls.generate(knownUserId, "short", "temporary_authentication");

/** The JSON POSTs; the form-encoded OAuth endpoints have their own fuzzing (`oauth-fuzz.test.ts`). */
type PostEndpoint = {
  [K in EndpointName]: (typeof ENDPOINTS)[K] extends { method: "POST"; body: "form" }
    ? never
    : (typeof ENDPOINTS)[K]["method"] extends "POST"
      ? K
      : never;
}[EndpointName];

const b64 = (bytes: number) => Buffer.from(crypto.getRandomValues(new Uint8Array(bytes))).toString("base64url");
const json = (value: unknown) => JSON.stringify(value);
const clientData = (type: string) =>
  Buffer.from(json({ type, challenge: b64(32), origin: t.origin })).toString("base64url");
const credential = (type: string) => {
  const id = b64(32);
  return json({
    id,
    rawId: id,
    type: "public-key",
    response: {
      clientDataJSON: clientData(type),
      attestationObject: b64(80),
      authenticatorData: b64(37),
      signature: b64(70),
    },
    clientExtensionResults: {},
  });
};
const client = json(t.clientId);
const code = json({ code: "123456", type: "short" });
const p256 = generateKeyPairSync("ec", { namedCurve: "P-256" });
const spki = p256.publicKey.export({ format: "der", type: "spki" }).toString("base64url");

/** For every POST of the contract: each field with a value it takes (JSON text). */
const VALID: Record<PostEndpoint, Record<string, string>> = {
  createUser: { username: json(`fuzz-${crypto.randomUUID()}`) },
  retrieveUser: { username: json(knownUser) },
  deleteUser: { username: json("fuzz-deleted@example.com") },
  generateCode: {
    client_id: client,
    user_id: json(knownUserId),
    purpose: '"temporary_authentication"',
    authorize: "false",
  },
  authorizeCode: {
    client_id: client,
    user_id: json(knownUserId),
    purpose: '"temporary_authentication"',
    code: '"123456"',
  },
  invalidateAllCodes: { client_id: client, user_id: json(knownUserId), purpose: '"add_credential"' },
  listPendingCodes: { client_id: client, user_id: json(knownUserId), purpose: '"temporary_authentication"' },
  waitCode: { client_id: client, username: json(knownUser), authentication_code: code, credential_name: '"fuzz"' },
  fido2RegisterInit: { client_id: client, username: json("fuzz-new@example.com") },
  fido2RegisterComplete: { client_id: client, username: json(knownUser), credential: credential("webauthn.create") },
  fido2AuthenticateInit: { client_id: client, username: json(knownUser) },
  fido2AuthenticateComplete: { client_id: client, username: json(knownUser), credential: credential("webauthn.get") },
  fido2AddCredentialInit: { client_id: client, username: json(knownUser), authentication_code: code },
  fido2AddCredentialComplete: {
    client_id: client,
    username: json(knownUser),
    credential: credential("webauthn.create"),
  },
  fido2AddCredentialForceInit: { client_id: client, user_id: json(knownUserId) },
  renameCredential: {
    client_id: client,
    user_id: json(knownUserId),
    credential: json({ uuid: crypto.randomUUID(), name: "Fuzz" }),
  },
  revokeCredential: { client_id: client, user_id: json(knownUserId), credential: json({ uuid: crypto.randomUUID() }) },
  pwlessSignup: { email: json("fuzz-signup@example.com"), client_id: client },
  pwlessDevices: {
    email: json(knownUser),
    key_data: json(spki),
    device_info: '"Fuzz device"',
    key_type: '"ec"',
    key_length: "256",
    signature_algorithm: '"ES256"',
    security_code: '"mouse132"',
    client_id: client,
    security_nonce_signed: json(`v1.${b64(40)}.${b64(32)}`),
  },
  pwlessLoginInit: { email: json(knownUser), key_id: json(crypto.randomUUID()), client_id: client },
  pwlessLoginComplete: {
    email: json(knownUser),
    key_id: json(crypto.randomUUID()),
    challenge: json(b64(32)),
    signature: json(b64(64)),
  },
  getDeviceAuthorization: { client_id: client, user_code: '"BDWP-HQPK"' },
  approveDeviceAuthorization: { client_id: client, user_code: '"BDWP-HQPK"', user_id: json(knownUserId) },
  denyDeviceAuthorization: { client_id: client, user_code: '"BDWP-HQPK"', user_id: json(knownUserId) },
};

/** The `Authorization` header: a valid token of the endpoint's scope (or another), junk, or none. */
function authorization(scope: Scope | null) {
  return fc.oneof(
    fc.constant<string | undefined>(undefined),
    fc.constantFrom(scope ?? "codes.generate", "users.create").map((s) => async () => `Bearer ${await t.token(s)}`),
    headerValue,
    headerValue.map((value) => `Bearer ${value}`),
  );
}

/** Asserts the service's answer: below 500, and every failure a `{code, message}` that leaks nothing. */
async function expectHandled(response: Response, label: string) {
  const text = await response.text();
  expect(response.status, `${label} → ${response.status} ${text.slice(0, 300)}`).toBeLessThan(500);
  if (response.status < 400) return;
  const body = errorBodySchema.safeParse(JSON.parse(text));
  expect(body.success, `${label}: ${text.slice(0, 300)}`).toBe(true);
  if (!body.success) return;
  expect(isServiceErrorCode(body.data.code), body.data.code).toBe(true);
  expect(body.data.message).not.toMatch(/\n\s+at |node:internal|\.ts:\d|\bSELECT\b|\bINSERT\b|sqlite|SQLITE_/i);
}

const postEndpoints = (Object.keys(VALID) as PostEndpoint[]).map((name) => ({ name, ...ENDPOINTS[name] }));

async function send(path: string, init: { headers: Record<string, string>; body?: string; method: string }) {
  return fetch(`${t.service.url}${path}`, init);
}

describe("property-based fuzzing of every endpoint: never a 5xx, always {code, message}", () => {
  it("covers every POST of the contract", () => {
    const posts = Object.entries(ENDPOINTS).filter(
      ([, endpoint]) => endpoint.method === "POST" && !("body" in endpoint && endpoint.body === "form"),
    );
    expect(postEndpoints.map((endpoint) => endpoint.name).sort()).toEqual(posts.map(([name]) => name).sort());
  });

  for (const endpoint of postEndpoints) {
    it(`${endpoint.path}: bodies, path, headers`, async () => {
      const typeParam = fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom("short", "long", "phrase") },
        { weight: 1, arbitrary: fuzzString.map((value) => encodeURIComponent(value.slice(0, 200))) },
      );
      const body = fc.oneof(
        { weight: 5, arbitrary: mutatedBody(VALID[endpoint.name]) },
        { weight: 2, arbitrary: jsonText },
        { weight: 1, arbitrary: brokenText },
      );
      await fc.assert(
        fc.asyncProperty(
          body,
          typeParam,
          contentType,
          authorization(endpoint.scope),
          fc.option(fc.oneof(fc.constantFrom(t.origin, "null", "https://evil.example"), headerValue)),
          fc.option(headerValue),
          async (raw, type, mediaType, auth, origin, userAgent) => {
            const headers: Record<string, string> = { "content-type": mediaType };
            if (typeof auth === "function") headers.authorization = await auth();
            else if (auth !== undefined) headers.authorization = auth;
            if (origin !== null) headers.origin = origin;
            if (userAgent !== null) headers["user-agent"] = userAgent;
            const path = endpoint.path.replace("{type}", type);
            await expectHandled(
              await send(path, { method: "POST", headers, body: raw }),
              `${path} ${raw.slice(0, 200)}`,
            );
          },
        ),
        { numRuns: RUNS },
      );
    });
  }

  it("GET endpoints and their query strings", async () => {
    await fc.assert(
      fc.asyncProperty(
        fuzzString,
        fc.constantFrom("/api/native/certs", "/.well-known/jwks.json"),
        async (kid, path) => {
          const response = await send(`${path}?kid=${encodeURIComponent(kid.slice(0, 3_000))}`, {
            method: "GET",
            headers: {},
          });
          await expectHandled(response, `${path} kid=${kid.slice(0, 100)}`);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("1 MB and 10 MB bodies answer 413 before being read, with and without Content-Length", async () => {
    const tenMegabytes = new Set(["/api/native/manage/users", "/api/native/authenticate/code/wait", "/pwless/devices"]);
    for (const endpoint of postEndpoints) {
      const path = endpoint.path.replace("{type}", "short");
      for (const size of tenMegabytes.has(path) ? [1_000_000, 10_000_000] : [1_000_000]) {
        const sized = await send(path, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: `{"username":"${"x".repeat(size)}"}`,
        });
        expect(sized.status, `${path} ${size}`).toBe(413);
        expect(await sized.json()).toMatchObject({ code: "payload_too_large" });
      }
    }
    const chunked = await fetch(`${t.service.url}/api/native/authenticate/code/wait`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 160; i++) controller.enqueue(new Uint8Array(64 * 1024).fill(32));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it("after all of it the service is healthy and a real flow still works", async () => {
    expect(await (await fetch(`${t.service.url}/health`)).json()).toEqual({ status: "ok" });
    const name = `after-fuzz-${crypto.randomUUID()}@example.com`;
    const userId = await calls.createUser(name);
    const { code } = await calls.generate(userId, "long", "temporary_authentication", true);
    expect((await calls.wait(name, code, "long")).status).toBe(200);
    expect(t.service.pendingWaits).toBe(0);
  });
});
