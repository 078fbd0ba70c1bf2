import {
  authenticationOptionsResponseSchema,
  authenticationResponseSchema,
  deviceLoginInitResponseSchema,
  isHandoffError,
  isHandoffErrorCode,
  pwlessDevicesResponseSchema,
  pwlessSignupResponseSchema,
  registrationOptionsResponseSchema,
} from "@handoff/types";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  parseDevicesResponse,
  parseLoginInitResponse,
  parseSignupResponse,
} from "../src/device-keys/parse-device-responses.js";
import { parseSession } from "../src/internal/parse-session.js";
import { request } from "../src/internal/request.js";
import { waitCode } from "../src/wait/wait-code.js";
import { parseCreationOptions, parseRequestOptions } from "../src/webauthn/parse-options.js";
import { mutated, wrongValue } from "./mutated.js";

const RUNS = 300;
const challenge = "Y2hhbGxlbmdlLWNoYWxsZW5nZS1jaGFsbGVuZ2UtMDE";

const session = {
  client: { id: "client-1", type: "directweb" },
  credential: { uuid: "cred-1", type: "code", name: "short code" },
  user: { id: "user-1", username: "ada@example.com", namespace_id: "ns-1" },
  jwt: "eyJhbGciOiJFUzI1NiJ9.e30.sig",
  is_authenticated: true,
};
const creation = {
  options: {
    rp: { name: "Handoff", id: "localhost" },
    user: { id: "dXNlcg", name: "ada", displayName: "Ada" },
    challenge,
    pubKeyCredParams: [{ type: "public-key", alg: -7 }],
    timeout: 300_000,
    excludeCredentials: [{ id: "Y3JlZA", type: "public-key", transports: ["internal"] }],
    authenticatorSelection: { residentKey: "preferred", userVerification: "required" },
    attestation: "none",
    hints: ["client-device"],
  },
};
const requestOptions = {
  options: {
    challenge,
    rpId: "localhost",
    timeout: 300_000,
    allowCredentials: [{ id: "Y3JlZA", type: "public-key" }],
    userVerification: "required",
  },
};

/** Each hand-written parser of the browser SDK with the zod schema it is the twin of. */
const parsers = [
  { name: "parseSession", parse: parseSession, schema: authenticationResponseSchema, valid: session },
  {
    name: "parseCreationOptions",
    parse: parseCreationOptions,
    schema: registrationOptionsResponseSchema,
    valid: creation,
  },
  {
    name: "parseRequestOptions",
    parse: parseRequestOptions,
    schema: authenticationOptionsResponseSchema,
    valid: requestOptions,
  },
  {
    name: "parseSignupResponse",
    parse: parseSignupResponse,
    schema: pwlessSignupResponseSchema,
    valid: { success: true, code: "code_validation_required", security_nonce_signed: "v1.a.b" },
  },
  {
    name: "parseDevicesResponse",
    parse: parseDevicesResponse,
    schema: pwlessDevicesResponseSchema,
    valid: {
      success: true,
      code: "success",
      user: { id: 23482732, email: "user@emailserver.com" },
      key: { id: 278349, user_id: 723867, key_type: "ec", signature_algorithm: "ES256", key_length: 256 },
    },
  },
  {
    name: "parseLoginInitResponse",
    parse: parseLoginInitResponse,
    schema: deviceLoginInitResponseSchema,
    valid: { challenge, expires_at: "2026-11-27T10:05:00.000Z" },
  },
];

describe("the browser SDK's response parsers, fuzzed", () => {
  for (const { name, parse, schema, valid } of parsers) {
    it(`${name} never throws, and accepts exactly what its zod twin accepts`, () => {
      fc.assert(
        fc.property(
          fc.oneof({ weight: 4, arbitrary: mutated(valid) }, { weight: 1, arbitrary: fc.anything() }),
          (body) => {
            const parsed = parse(body);
            expect(parsed !== undefined, JSON.stringify(body)?.slice(0, 300)).toBe(schema.safeParse(body).success);
          },
        ),
        { numRuns: RUNS },
      );
    });
  }
});

/** A fetch that answers one arbitrary response per call, or fails the way networks do. */
const answer = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      status: fc.oneof(
        fc.constantFrom(200, 400, 403, 408, 410, 429, 500, 502, 503),
        fc.integer({ min: 200, max: 599 }),
      ),
      body: fc.oneof(
        mutated(session).map((value) => JSON.stringify(value) ?? ""),
        fc
          .record({
            code: fc.oneof(fc.constantFrom("invalid_code", "wait_timeout", "service_unavailable"), fc.string()),
            message: wrongValue,
          })
          .map((value) => JSON.stringify(value)),
        fc.string({ maxLength: 40 }),
        fc.constantFrom("", "<html>", "{", "null"),
      ),
      retryAfter: fc.option(fc.oneof(fc.constantFrom("0", "1", "-1", "soon", "1e9"), fc.nat({ max: 3 }).map(String))),
    }),
  },
  { weight: 1, arbitrary: fc.anything().map((error) => ({ throws: error })) },
);
type Answer = typeof answer extends fc.Arbitrary<infer A> ? A : never;

function fakeFetch(plan: Answer[]): typeof fetch {
  let index = 0;
  return async () => {
    const step = plan[Math.min(index++, plan.length - 1)] as Answer;
    if ("throws" in step) throw step.throws;
    const headers = new Headers({ "content-type": "application/json" });
    if (step.retryAfter !== null) headers.set("retry-after", step.retryAfter);
    return new Response([204, 205, 304].includes(step.status) ? null : step.body, { status: step.status, headers });
  };
}

function expectOnlyHandoffErrors(error: unknown) {
  expect(isHandoffError(error), String(error)).toBe(true);
  if (isHandoffError(error)) expect(isHandoffErrorCode(error.code), error.code).toBe(true);
}

describe("a broken or malicious service never makes the browser SDK throw anything but HandoffError", () => {
  it("request()", async () => {
    await fc.assert(
      fc.asyncProperty(answer, async (step) => {
        const config = { baseUrl: "https://handoff.test", clientId: "c", fetch: fakeFetch([step]), timeoutMs: 1_000 };
        await request(config, { endpoint: { method: "POST", path: "/x" }, body: {}, validate: parseSession }).then(
          (value) =>
            expect(authenticationResponseSchema.safeParse(value).success || typeof value === "object").toBe(true),
          expectOnlyHandoffErrors,
        );
      }),
      { numRuns: RUNS },
    );
  });

  it("waitCode() over a sequence of answers", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(answer, { minLength: 1, maxLength: 3 }), async (plan) => {
        await waitCode(
          { baseUrl: "https://handoff.test", clientId: "c", fetch: fakeFetch(plan) },
          { username: "ada@example.com", code: "123456", codeType: "short", maxWaitMs: 150 },
        ).then((value) => expect(value.jwt.length).toBeGreaterThan(0), expectOnlyHandoffErrors);
      }),
      { numRuns: 60 },
    );
  });
});
