import { type RegisteredDeviceKey, toRegisteredDeviceKey } from "@handoff/types/core/registered-device-key";
import { isName } from "@handoff/types/core/text";

/*
 * Hand-written checks of the `/pwless` answers, twins of the zod schemas of `@handoff/types`
 * (kept out of the browser bundle, as `parseSession` does). `test/parsers-match-schemas.test.ts`
 * checks, property-based, that both accept the same bodies and give the same value.
 */

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `idSchema`: 1–128 characters, no control characters; the add-device examples also print numbers. */
function isSeedId(value: unknown): value is string | number {
  if (typeof value === "number") return Number.isFinite(value); // z.number() refuses NaN and ±Infinity
  return isName(value, 128);
}

/** `timestampSchema`'s form: an ISO 8601 date-time with seconds and a zone (`Z` or `±hh:mm`). */
const ISO_DATETIME =
  /^(\d{4})-(\d\d)-(\d\d)T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** `timestampSchema`: {@link ISO_DATETIME} on a day the calendar has (no February 30th). */
function isTimestamp(value: unknown): value is string {
  const match = typeof value === "string" ? ISO_DATETIME.exec(value) : null;
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `security_nonce_signed` of a `/pwless/signup` answer, or `undefined` when the body is off-contract. */
export function parseSignupResponse(body: unknown): { securityNonce: string } | undefined {
  if (!isObject(body) || body.success !== true || body.code !== "code_validation_required") return undefined;
  const nonce = body.security_nonce_signed;
  return typeof nonce === "string" && nonce.length > 0 ? { securityNonce: nonce } : undefined;
}

/**
 * A `/pwless/devices` answer converted by the core's `toRegisteredDeviceKey` (ids as strings,
 * camelCase), or `undefined` when the body is off-contract.
 */
export function parseDevicesResponse(body: unknown): RegisteredDeviceKey | undefined {
  if (!isObject(body) || body.success !== true || body.code !== "success") return undefined;
  const { user, key } = body;
  if (!isObject(user) || !isSeedId(user.id) || typeof user.email !== "string") return undefined;
  if (!isObject(key) || !isSeedId(key.id) || !isSeedId(key.user_id)) return undefined;
  if (typeof key.key_type !== "string" || typeof key.signature_algorithm !== "string") return undefined;
  if (typeof key.key_length !== "number" || !Number.isFinite(key.key_length)) return undefined;
  return toRegisteredDeviceKey({
    success: true,
    code: "success",
    user: { id: user.id, email: user.email },
    key: {
      id: key.id,
      user_id: key.user_id,
      key_type: key.key_type,
      signature_algorithm: key.signature_algorithm,
      key_length: key.key_length,
    },
  });
}

/** The challenge of a `/pwless/login/init` answer, or `undefined` when the body is off-contract. */
export function parseLoginInitResponse(body: unknown): { challenge: string; expiresAt: string } | undefined {
  if (!isObject(body)) return undefined;
  const { challenge, expires_at: expiresAt } = body;
  if (typeof challenge !== "string" || !/^[A-Za-z0-9_-]{1,128}$/.test(challenge)) return undefined;
  if (!isTimestamp(expiresAt)) return undefined;
  return { challenge, expiresAt };
}
