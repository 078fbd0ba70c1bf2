import { describe, expect, it } from "vitest";
import { parseSeedJson, seed000, seed003 } from "../test/seed-examples.js";
import {
  authenticationResponseSchema,
  authorizeCodeRequestSchema,
  authorizeCodeResponseSchema,
  credentialSchema,
  fromCredentialResponse,
  generateCodeRequestSchema,
  generateCodeResponseSchema,
  invalidateCodesRequestSchema,
  invalidateCodesResponseSchema,
  pwlessDevicesRequestSchema,
  pwlessDevicesResponseSchema,
  pwlessSignupResponseSchema,
  toAuthorizedCode,
  toCredential,
  toDeletedUser,
  toGeneratedCode,
  toInvalidatedCodes,
  toRegisteredDeviceKey,
  toSession,
  toUserProfile,
  userProfileSchema,
  userRequestSchema,
  waitCodeRequestSchema,
} from "./index.js";

describe("seed 000 example bodies parse", () => {
  const cases = [
    ["retrieve user request", userRequestSchema, seed000.retrieveUserRequest],
    ["generate request", generateCodeRequestSchema, seed000.generateCodeRequest],
    ["generate response", generateCodeResponseSchema, seed000.generateCodeResponse],
    ["wait request", waitCodeRequestSchema, seed000.waitRequest],
    ["authorize request", authorizeCodeRequestSchema, seed000.authorizeCodeRequest],
    ["authorize response", authorizeCodeResponseSchema, seed000.authorizeCodeResponse],
    ["invalidate-all request", invalidateCodesRequestSchema, seed000.invalidateRequest],
    ["invalidate-all response", invalidateCodesResponseSchema, seed000.invalidateResponse],
    ["finish flow response", authenticationResponseSchema, seed000.finishResponse],
  ] as const;
  it.each(cases)("%s", (_, schema, text) => {
    const result = schema.safeParse(parseSeedJson(text));
    expect(result.error).toBeUndefined();
  });
});

describe("seed 003 example bodies parse", () => {
  it("signup response", () => {
    expect(pwlessSignupResponseSchema.parse(parseSeedJson(seed003.signupResponse))).toEqual({
      success: true,
      code: "code_validation_required",
      security_nonce_signed: "aef6vhs786fva9s86",
    });
  });
  it("devices request (weak key accepted by the schema, refused by the service)", () => {
    const body = pwlessDevicesRequestSchema.parse(parseSeedJson(seed003.devicesRequest));
    expect(body).toMatchObject({
      key_type: "rsa",
      key_length: 2048,
      signature_algorithm: "SHA1",
      security_code: "horse291",
    });
  });
  it("devices response, numeric ids and all", () => {
    const wire = pwlessDevicesResponseSchema.parse(parseSeedJson(seed003.devicesResponse));
    expect(toRegisteredDeviceKey(wire)).toEqual({
      user: { id: "23482732", email: "user@emailserver.com" },
      key: { id: "278349", userId: "723867", keyType: "rsa", signatureAlgorithm: "SHA1", keyLength: 2048 },
    });
  });
});

describe("requests reject what the contract does not allow", () => {
  const generate = { client_id: "c1", user_id: "u1", purpose: "temporary_authentication" };
  it("defaults authorize to false", () => {
    expect(generateCodeRequestSchema.parse(generate).authorize).toBe(false);
  });
  it.each([
    ["unknown purpose", { ...generate, purpose: "login" }],
    ["empty user id", { ...generate, user_id: "" }],
    ["numeric client id", { ...generate, client_id: 7 }],
    ["authorize as a string", { ...generate, authorize: "true" }],
    ["control characters in an id", { ...generate, user_id: "u\u0000" }],
    ["missing purpose", { client_id: "c1", user_id: "u1" }],
  ])("generate: %s", (_, body) => {
    expect(generateCodeRequestSchema.safeParse(body).success).toBe(false);
  });
  it.each([
    ["unknown code type", { client_id: "c", username: "a", authentication_code: { code: "1", type: "medium" } }],
    ["empty code", { client_id: "c", username: "a", authentication_code: { code: "", type: "short" } }],
    [
      "65-character code",
      { client_id: "c", username: "a", authentication_code: { code: "1".repeat(65), type: "short" } },
    ],
    ["missing code object", { client_id: "c", username: "a" }],
  ])("wait: %s", (_, body) => {
    expect(waitCodeRequestSchema.safeParse(body).success).toBe(false);
  });
  it("devices: refuses an unknown key type and a fractional key length", () => {
    const body = pwlessDevicesRequestSchema.parse(parseSeedJson(seed003.devicesRequest));
    expect(pwlessDevicesRequestSchema.safeParse({ ...body, key_type: "dsa" }).success).toBe(false);
    expect(pwlessDevicesRequestSchema.safeParse({ ...body, key_length: 2048.5 }).success).toBe(false);
  });
  it("timestamps must carry a time zone", () => {
    expect(
      generateCodeResponseSchema.safeParse({ code: "1", expires_at: "2026-11-27 10:00", is_authorized: false }).success,
    ).toBe(false);
  });
});

describe("wire → SDK converters", () => {
  it("user profile", () => {
    const wire = userProfileSchema.parse({
      id: "u1",
      username: "a@b.c",
      namespace_id: "n1",
      created_at: "2026-01-02T03:04:05.000Z",
    });
    expect(toUserProfile(wire)).toEqual({
      id: "u1",
      username: "a@b.c",
      namespaceId: "n1",
      createdAt: new Date("2026-01-02T03:04:05.000Z"),
      verifiedAt: null,
      deactivatedAt: null,
    });
    const verified = userProfileSchema.parse({ ...wire, verified_at: "2026-01-03T00:00:00.000Z" });
    expect(toUserProfile(verified).verifiedAt).toEqual(new Date("2026-01-03T00:00:00.000Z"));
    expect(toUserProfile(userProfileSchema.parse({ ...wire, verified_at: null })).verifiedAt).toBeNull();
    const deactivated = userProfileSchema.parse({ ...wire, deactivated_at: "2026-01-04T00:00:00.000Z" });
    expect(toUserProfile(deactivated).deactivatedAt).toEqual(new Date("2026-01-04T00:00:00.000Z"));
    expect(toUserProfile(userProfileSchema.parse({ ...wire, deactivated_at: null })).deactivatedAt).toBeNull();
  });
  it("credentials and deleted users", () => {
    const wire = credentialSchema.parse({
      uuid: "k1",
      type: "device_key",
      name: "Pixel",
      status: "active",
      created_at: "2026-01-02T03:04:05.000Z",
      last_used_at: null,
      device_info: "Pixel 8",
    });
    expect(toCredential(wire)).toEqual({
      id: "k1",
      type: "device_key",
      name: "Pixel",
      createdAt: new Date("2026-01-02T03:04:05.000Z"),
      lastUsedAt: null,
      deviceInfo: "Pixel 8",
      status: "active",
    });
    const used = { ...wire, last_used_at: "2026-01-03T00:00:00.000Z" };
    expect(fromCredentialResponse({ credential: used }).lastUsedAt).toEqual(new Date("2026-01-03T00:00:00.000Z"));
    expect(toDeletedUser({ deleted_at: "2026-01-01T00:00:01Z" }).deletedAt.getTime()).toBe(
      Date.UTC(2026, 0, 1, 0, 0, 1),
    );
  });
  it("codes", () => {
    expect(toGeneratedCode({ code: "123456", expires_at: "2026-01-01T00:00:00Z", is_authorized: false })).toEqual({
      code: "123456",
      expiresAt: new Date("2026-01-01T00:00:00Z"),
      isAuthorized: false,
    });
    expect(toAuthorizedCode({ expires_at: "2026-01-01T00:00:00Z", is_authorized: true }).expiresAt.getTime()).toBe(
      Date.UTC(2026, 0, 1),
    );
    expect(toInvalidatedCodes({ deleted_at: "2026-01-01T00:00:01Z" }).deletedAt.getTime()).toBe(
      Date.UTC(2026, 0, 1, 0, 0, 1),
    );
  });
  it("session", () => {
    const wire = authenticationResponseSchema.parse(parseSeedJson(seed000.finishResponse));
    expect(toSession(wire)).toEqual({
      jwt: "string",
      isAuthenticated: true,
      user: { id: "string", username: "string", namespaceId: "string" },
      client: { id: "string", type: "directweb" },
      credential: { uuid: "string", type: "fido2", name: "string" },
    });
  });
});
