import { isHandoffError, isHandoffErrorCode, SERVICE_ERROR_CODES } from "@handoff/types";
import fc from "fast-check";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { createServerClient } from "../src/index.js";

/** Property runs per method; `HANDOFF_LOAD=1` runs ten times as many. */
const RUNS = process.env.HANDOFF_LOAD === "1" ? 1_000 : 100;
const BASE = "https://handoff.test";
const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
const privateJwk = await exportJWK(privateKey);
const publicJwk = { ...(await exportJWK(publicKey)), kid: "k1", alg: "ES256", use: "sig" };
const purpose = "temporary_authentication";
const validJwt = await new SignJWT({ udata: "alice@example.com", jti: "j" })
  .setProtectedHeader({ alg: "ES256", kid: "k1" })
  .setIssuer(BASE)
  .setAudience("client-1")
  .setSubject("u1")
  .setIssuedAt()
  .setExpirationTime("5m")
  .sign(privateKey);

/** JSON text a broken or malicious service might send: right shapes with wrong values, and noise. */
const wrongValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.constantFrom("", "__proto__", "2026-13-45T99:99:99Z", "\u0000", "x".repeat(5_000)),
  fc.integer(),
);
const shaped = (fields: Record<string, unknown>) =>
  fc
    .record(Object.fromEntries(Object.keys(fields).map((key) => [key, fc.oneof(fc.constant(fields[key]), wrongValue)])))
    .map((value) => JSON.stringify(value));
const bodyText = fc.oneof(
  shaped({ id: "u1", username: "alice@example.com", namespace_id: "n1", created_at: "2026-11-27T10:00:00.000Z" }),
  shaped({ code: "123456", expires_at: "2026-11-27T10:05:00.000Z", is_authorized: false }),
  shaped({ expires_at: "2026-11-27T10:05:00.000Z", is_authorized: true, deleted_at: "2026-11-27T10:05:00.000Z" }),
  shaped({ code: "too_many_attempts", message: "Wait." }),
  shaped({
    credentials: [
      { uuid: "k1", type: "passkey", name: "Laptop", status: "active", created_at: "2026-11-27T10:00:00.000Z" },
    ],
    credential: {
      uuid: "k1",
      type: "device_key",
      name: "Pixel",
      status: "active",
      last_used_at: null,
      device_info: null,
    },
    options: { challenge: "x".repeat(43), rp: { name: "Handoff" }, user: { id: "dTE", name: "a", displayName: "a" } },
  }),
  fc
    .record({ code: fc.oneof(fc.constantFrom(...Object.keys(SERVICE_ERROR_CODES)), fc.string()), message: wrongValue })
    .map((value) => JSON.stringify(value)),
  shaped({ keys: [publicJwk] }),
  fc
    .record({
      keys: fc.array(
        fc.dictionary(fc.constantFrom("kty", "crv", "x", "y", "kid", "alg", "use", "n", "e", "k"), wrongValue),
        { maxLength: 3 },
      ),
    })
    .map((value) => JSON.stringify(value)),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 50 }),
  fc.constantFrom("", "<html>502 Bad Gateway</html>", "{", "null", "[]", '{"__proto__":{"code":"forbidden"}}'),
);

/** What the fake service does with one request. */
const behaviour = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant("answer" as const),
      status: fc.oneof(
        fc.constantFrom(200, 400, 401, 403, 404, 409, 410, 429, 500, 502, 503, 504),
        fc.integer({ min: 200, max: 599 }),
      ),
      body: bodyText,
      contentType: fc.constantFrom("application/json", "text/html", "application/json; charset=utf-8", ""),
      retryAfter: fc.option(
        fc.oneof(
          fc.nat().map(String),
          fc.string({ maxLength: 30 }),
          fc.constantFrom("-1", "1e9", "Fri, 27 Nov 2026 10:01:30 GMT"),
        ),
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("throw" as const), error: fc.anything() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("broken-stream" as const), status: fc.constantFrom(200, 400, 503) }),
  },
);
type Behaviour = typeof behaviour extends fc.Arbitrary<infer B> ? B : never;

function fakeFetch(plan: Behaviour[]): typeof fetch {
  let index = 0;
  return async () => {
    const step = plan[Math.min(index++, plan.length - 1)] as Behaviour;
    if (step.kind === "throw") throw step.error;
    if (step.kind === "broken-stream") {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"id":"u1","user'));
          controller.error(new Error("connection reset"));
        },
      });
      return new Response(body, { status: step.status, headers: { "content-type": "application/json" } });
    }
    const noBody = [204, 205, 304].includes(step.status);
    const headers = new Headers(step.contentType ? { "content-type": step.contentType } : {});
    if (step.retryAfter !== null) headers.set("retry-after", step.retryAfter.replace(/[^\x20-\x7e]/g, ""));
    return new Response(noBody ? null : step.body, { status: step.status, headers });
  };
}

const calls = {
  getUserID: (client: ReturnType<typeof createServerClient>) => client.getUserID("alice@example.com"),
  createUser: (client: ReturnType<typeof createServerClient>) => client.createUser("alice@example.com"),
  generateCode: (client: ReturnType<typeof createServerClient>) =>
    client.generateCode({ userId: "u1", codeType: "short", purpose }),
  authorizeCode: (client: ReturnType<typeof createServerClient>) =>
    client.authorizeCode({ userId: "u1", code: "123456", codeType: "short", purpose }),
  invalidateAllCodes: (client: ReturnType<typeof createServerClient>) =>
    client.invalidateAllCodes({ userId: "u1", codeType: "short", purpose }),
  listPendingCodes: (client: ReturnType<typeof createServerClient>) =>
    client.listPendingCodes({ userId: "u1", codeType: "short", purpose }),
  verifyToken: (client: ReturnType<typeof createServerClient>) => client.verifyToken(validJwt),
  deactivateUser: (client: ReturnType<typeof createServerClient>) => client.deactivateUser("u1"),
  activateUser: (client: ReturnType<typeof createServerClient>) => client.activateUser("u1"),
  deleteUser: (client: ReturnType<typeof createServerClient>) => client.deleteUser("u1"),
  listCredentials: (client: ReturnType<typeof createServerClient>) => client.listCredentials({ userId: "u1" }),
  renameCredential: (client: ReturnType<typeof createServerClient>) =>
    client.renameCredential({ userId: "u1", credentialId: "k1", name: "Laptop" }),
  revokeCredential: (client: ReturnType<typeof createServerClient>) =>
    client.revokeCredential({ userId: "u1", credentialId: "k1", force: true }),
  startAddPasskey: (client: ReturnType<typeof createServerClient>) => client.startAddPasskey({ userId: "u1" }),
};

describe("a broken or malicious service never makes the server SDK throw anything but HandoffError", () => {
  for (const [name, call] of Object.entries(calls)) {
    it(name, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(behaviour, { minLength: 1, maxLength: 4 }), async (plan) => {
          const client = createServerClient({
            baseUrl: BASE,
            clientId: "client-1",
            privateKey: privateJwk,
            fetch: fakeFetch(plan),
            timeoutMs: 2_000,
            retry: { limit: 2, initialDelayMs: 1, maxDelayMs: 2 },
          });
          const result = await call(client).then(
            (value) => ({ value }),
            (error: unknown) => ({ error }),
          );
          if ("error" in result) {
            expect(isHandoffError(result.error), String(result.error)).toBe(true);
            if (isHandoffError(result.error)) expect(isHandoffErrorCode(result.error.code)).toBe(true);
          } else {
            expect(typeof result.value).toBe("object");
          }
        }),
        { numRuns: RUNS },
      );
    });
  }
});
