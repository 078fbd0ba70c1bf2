import {
  deviceLoginInitResponseSchema,
  pwlessDevicesResponseSchema,
  pwlessSignupResponseSchema,
  toRegisteredDeviceKey,
} from "@handoff/types";
import { describe, expect, it } from "vitest";
import { parseDevicesResponse, parseLoginInitResponse, parseSignupResponse } from "./parse-device-responses.js";

const signup = { success: true, code: "code_validation_required", security_nonce_signed: "v1.abc.def" };
const devices = {
  success: true,
  code: "success",
  user: { id: "u-1", email: "ada@example.com" },
  key: { id: "k-1", user_id: "u-1", key_type: "ec", signature_algorithm: "ES256", key_length: 256 },
};
const init = { challenge: "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80", expires_at: "2026-11-27T10:05:00.000Z" };

const common: [string, unknown][] = [
  ["null", null],
  ["an array", []],
  ["a string", "{}"],
  ["an empty object", {}],
];

describe("the hand-written parsers agree with the zod schemas", () => {
  it.each([
    ...common,
    ["the seed's answer", signup],
    ["extra fields", { ...signup, extra: 1 }],
    ["success false", { ...signup, success: false }],
    ["another code", { ...signup, code: "success" }],
    ["an empty nonce", { ...signup, security_nonce_signed: "" }],
    ["a numeric nonce", { ...signup, security_nonce_signed: 5 }],
  ])("signup: %s", (_, body) => {
    const zod = pwlessSignupResponseSchema.safeParse(body);
    const mine = parseSignupResponse(body);
    expect(mine !== undefined).toBe(zod.success);
    if (zod.success) expect(mine).toEqual({ securityNonce: zod.data.security_nonce_signed });
  });

  it.each([
    ...common,
    ["string ids", devices],
    [
      "the seed's numeric ids",
      { ...devices, user: { ...devices.user, id: 23482732 }, key: { ...devices.key, id: 278349, user_id: 723867 } },
    ],
    ["an empty user id", { ...devices, user: { ...devices.user, id: "" } }],
    ["a control character in an id", { ...devices, key: { ...devices.key, id: "k\u0000" } }],
    ["a 129-character id", { ...devices, key: { ...devices.key, id: "k".repeat(129) } }],
    ["key_length a string", { ...devices, key: { ...devices.key, key_length: "256" } }],
    ["no key", { ...devices, key: undefined }],
    ["code failure", { ...devices, code: "failure" }],
  ])("devices: %s", (_, body) => {
    const zod = pwlessDevicesResponseSchema.safeParse(body);
    const mine = parseDevicesResponse(body);
    expect(mine !== undefined).toBe(zod.success);
    if (zod.success) expect(mine).toEqual(toRegisteredDeviceKey(zod.data));
  });

  it.each([
    ...common,
    ["a challenge", init],
    ["an offset timestamp", { ...init, expires_at: "2026-11-27T12:05:00+02:00" }],
    ["a date without time", { ...init, expires_at: "2026-11-27" }],
    ["not a date", { ...init, expires_at: "soon" }],
    ["a base64 (not url) challenge", { ...init, challenge: "q83v+jRW/w==" }],
    ["an empty challenge", { ...init, challenge: "" }],
    ["a 129-character challenge", { ...init, challenge: "A".repeat(129) }],
  ])("login init: %s", (_, body) => {
    const zod = deviceLoginInitResponseSchema.safeParse(body);
    const mine = parseLoginInitResponse(body);
    expect(mine !== undefined).toBe(zod.success);
    if (zod.success) expect(mine).toEqual({ challenge: zod.data.challenge, expiresAt: zod.data.expires_at });
  });
});
