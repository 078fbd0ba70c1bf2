import { fitsCodePoints } from "@handoff/types/core/text";
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialDescriptorJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/browser";

/*
 * Hand-written twins of `registrationOptionsResponseSchema` and
 * `authenticationOptionsResponseSchema` from `@handoff/types`, so the browser bundle does not
 * carry zod. `parse-options.test.ts` runs both over the same fixtures and
 * `test/parsers-match-schemas.test.ts` over generated bodies (lengths count code points, as zod
 * does); both fail when they disagree. Like the schemas, they copy only the known fields.
 */

type Fields = Record<string, unknown>;

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;
const USER_VERIFICATION = ["required", "preferred", "discouraged"] as const;
const RESIDENT_KEY = ["required", "preferred", "discouraged"] as const;
const ATTACHMENT = ["platform", "cross-platform"] as const;
const ATTESTATION = ["none", "indirect", "direct", "enterprise"] as const;
const HINTS = ["hybrid", "security-key", "client-device"] as const;

function isObject(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isBase64url(value: unknown, min: number, max: number): value is string {
  return typeof value === "string" && value.length >= min && value.length <= max && BASE64URL.test(value);
}

function isOneOf<T extends string>(value: unknown, values: readonly T[]): value is T {
  return typeof value === "string" && (values as readonly string[]).includes(value);
}

function isShortStrings(value: unknown): value is string[] {
  return (
    Array.isArray(value) && value.length <= 16 && value.every((v) => typeof v === "string" && fitsCodePoints(v, 64))
  );
}

/** `undefined` when absent; `null` when present but malformed; the value otherwise. */
function optional<T>(value: unknown, parse: (v: unknown) => T | undefined): T | undefined | null {
  if (value === undefined) return undefined;
  const parsed = parse(value);
  return parsed === undefined ? null : parsed;
}

function parseDescriptors(value: unknown): PublicKeyCredentialDescriptorJSON[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: PublicKeyCredentialDescriptorJSON[] = [];
  for (const entry of value) {
    if (!isObject(entry) || !isBase64url(entry.id, 1, 1364)) return undefined;
    if (typeof entry.type !== "string" || !fitsCodePoints(entry.type, 64)) return undefined;
    if (entry.transports !== undefined && !isShortStrings(entry.transports)) return undefined;
    out.push({ id: entry.id, type: entry.type, ...(entry.transports ? { transports: [...entry.transports] } : {}) });
  }
  return out;
}

function parseHints(value: unknown) {
  if (!Array.isArray(value) || value.length > 8 || !value.every((hint) => isOneOf(hint, HINTS))) return undefined;
  return [...value];
}

function parseTimeout(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : undefined;
}

function parseUserVerification(value: unknown) {
  return isOneOf(value, USER_VERIFICATION) ? value : undefined;
}

function parseSelection(value: unknown): PublicKeyCredentialCreationOptionsJSON["authenticatorSelection"] {
  if (!isObject(value)) return undefined;
  const { authenticatorAttachment, requireResidentKey, residentKey, userVerification } = value;
  const attachment = optional(authenticatorAttachment, (v) => (isOneOf(v, ATTACHMENT) ? v : undefined));
  const requireResident = optional(requireResidentKey, (v) => (typeof v === "boolean" ? v : undefined));
  const resident = optional(residentKey, (v) => (isOneOf(v, RESIDENT_KEY) ? v : undefined));
  const verification = optional(userVerification, parseUserVerification);
  if (attachment === null || requireResident === null || resident === null || verification === null) return undefined;
  return {
    ...(attachment === undefined ? {} : { authenticatorAttachment: attachment }),
    ...(requireResident === undefined ? {} : { requireResidentKey: requireResident }),
    ...(resident === undefined ? {} : { residentKey: resident }),
    ...(verification === undefined ? {} : { userVerification: verification }),
  };
}

/**
 * Parses the answer of a registration init (`{ options }`) into the JSON options
 * `startRegistration` takes, or returns `undefined` when it does not match the contract.
 */
export function parseCreationOptions(body: unknown): PublicKeyCredentialCreationOptionsJSON | undefined {
  if (!isObject(body) || !isObject(body.options)) return undefined;
  const options = body.options;
  const { rp, user, challenge, pubKeyCredParams } = options;
  if (!isObject(rp) || typeof rp.name !== "string" || (rp.id !== undefined && typeof rp.id !== "string")) {
    return undefined;
  }
  if (!isObject(user) || !isBase64url(user.id, 1, 88)) return undefined;
  if (typeof user.name !== "string" || typeof user.displayName !== "string") return undefined;
  if (!isBase64url(challenge, 22, 88) || !Array.isArray(pubKeyCredParams)) return undefined;
  const params: PublicKeyCredentialCreationOptionsJSON["pubKeyCredParams"] = [];
  for (const param of pubKeyCredParams) {
    if (!isObject(param) || param.type !== "public-key" || !Number.isSafeInteger(param.alg)) return undefined;
    params.push({ type: "public-key", alg: Number(param.alg) });
  }
  const timeout = optional(options.timeout, parseTimeout);
  const exclude = optional(options.excludeCredentials, parseDescriptors);
  const selection = optional(options.authenticatorSelection, parseSelection);
  const hints = optional(options.hints, parseHints);
  const attestation = optional(options.attestation, (v) => (isOneOf(v, ATTESTATION) ? v : undefined));
  if (timeout === null || exclude === null || selection === null || hints === null || attestation === null) {
    return undefined;
  }
  return {
    rp: { name: rp.name, ...(rp.id === undefined ? {} : { id: rp.id }) },
    user: { id: user.id, name: user.name, displayName: user.displayName },
    challenge,
    pubKeyCredParams: params,
    ...(timeout === undefined ? {} : { timeout }),
    ...(exclude === undefined ? {} : { excludeCredentials: exclude }),
    ...(selection === undefined ? {} : { authenticatorSelection: selection }),
    ...(hints === undefined ? {} : { hints }),
    ...(attestation === undefined ? {} : { attestation }),
  };
}

/**
 * Parses the answer of an authentication init (`{ options }`) into the JSON options
 * `startAuthentication` takes, or returns `undefined` when it does not match the contract.
 */
export function parseRequestOptions(body: unknown): PublicKeyCredentialRequestOptionsJSON | undefined {
  if (!isObject(body) || !isObject(body.options)) return undefined;
  const options = body.options;
  if (!isBase64url(options.challenge, 22, 88)) return undefined;
  if (options.rpId !== undefined && typeof options.rpId !== "string") return undefined;
  const timeout = optional(options.timeout, parseTimeout);
  const allow = optional(options.allowCredentials, parseDescriptors);
  const verification = optional(options.userVerification, parseUserVerification);
  const hints = optional(options.hints, parseHints);
  if (timeout === null || allow === null || verification === null || hints === null) return undefined;
  return {
    challenge: options.challenge,
    ...(options.rpId === undefined ? {} : { rpId: options.rpId }),
    ...(timeout === undefined ? {} : { timeout }),
    ...(allow === undefined ? {} : { allowCredentials: allow }),
    ...(verification === undefined ? {} : { userVerification: verification }),
    ...(hints === undefined ? {} : { hints }),
  };
}
