import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { pwlessDevicesResponseSchema, pwlessSignupResponseSchema } from "@handoff/types";
import { expect } from "vitest";
import type { TestService } from "./helpers.js";

let counter = 0;

/** A new email address for each call. */
export const freshEmail = (label: string): string =>
  `${label}-${++counter}-${crypto.randomUUID().slice(0, 8)}@example.com`;

/** SPKI DER of a public key, base64url. */
export const spki = (key: KeyObject): string => key.export({ format: "der", type: "spki" }).toString("base64url");

/** Key pairs of each accepted (and refused) family, made with node:crypto. */
export const keys = {
  p256: () => generateKeyPairSync("ec", { namedCurve: "P-256" }),
  ed25519: () => generateKeyPairSync("ed25519"),
  rsa: (modulusLength: number) => generateKeyPairSync("rsa", { modulusLength }),
};

/** Asserts an error answer. */
export async function expectError(response: Response, status: number, code: string): Promise<void> {
  expect(response.status).toBe(status);
  expect(await response.json()).toMatchObject({ code });
}

/** A `/pwless/devices` body for an EC P-256 key, with `fields` overriding. */
export function deviceBody(
  email: string,
  code: string,
  publicKey: KeyObject,
  fields: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    email,
    key_data: spki(publicKey),
    device_info: "Test device",
    key_type: "ec",
    key_length: 256,
    signature_algorithm: "ES256",
    security_code: code,
    ...fields,
  };
}

/** The add-device flow against one test service. */
export function addDeviceFlow(t: TestService) {
  const signup = (email: string, extra: Record<string, unknown> = {}) => t.post("/pwless/signup", { email, ...extra });
  const devices = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.post("/pwless/devices", body, { headers });

  /** The phrase code of the newest security-code mail to `email`. */
  const mailedCode = (email: string): string => {
    const mail = t.service.outbox.findLast((m) => m.to === email && m.subject === "Your security code");
    const code = mail?.text.match(/Your security code is: (\S+)/)?.[1];
    if (!code) throw new Error(`no security code mailed to ${email}`);
    return code;
  };

  const signupAndCode = async (email: string) => {
    const response = await signup(email);
    expect(response.status).toBe(200);
    const body = pwlessSignupResponseSchema.parse(await response.json());
    return { code: mailedCode(email), nonce: body.security_nonce_signed };
  };

  const register = async (email: string, publicKey: KeyObject, fields: Record<string, unknown> = {}) => {
    const { code } = await signupAndCode(email);
    const response = await devices(deviceBody(email, code, publicKey, fields));
    expect(response.status).toBe(200);
    return pwlessDevicesResponseSchema.parse(await response.json());
  };

  return { signup, devices, mailedCode, signupAndCode, register };
}
