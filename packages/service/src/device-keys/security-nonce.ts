import { createHmac, timingSafeEqual } from "node:crypto";
import type { ServiceContext } from "../context.js";
import { fail } from "../http/fail.js";

const SECRET_NAME = "pwless_nonce_hmac";
const secrets = new WeakMap<ServiceContext, Promise<string>>();

function nonceSecret(context: ServiceContext): Promise<string> {
  let secret = secrets.get(context);
  if (!secret) {
    secret = context.storage.keys.getOrCreateSecret(SECRET_NAME, () =>
      Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url"),
    );
    secrets.set(context, secret);
  }
  return secret;
}

/** What a security nonce is bound to. */
export interface NonceBinding {
  /** The email, lower-cased. */
  email: string;
  clientId: string;
}

function mac(secret: string, payload: string): Buffer {
  return createHmac("sha256", Buffer.from(secret, "base64url")).update(`pwless-nonce.v1.${payload}`).digest();
}

/**
 * Signs the `security_nonce_signed` of a signup answer: `v1.<payload>.<HMAC-SHA-256>`, both
 * base64url, the payload holding the email, the client, the expiry and 96 random bits.
 */
export async function signSecurityNonce(
  context: ServiceContext,
  binding: NonceBinding,
  expiresAt: Date,
): Promise<string> {
  const payload = Buffer.from(
    JSON.stringify({
      e: binding.email,
      c: binding.clientId,
      x: expiresAt.getTime(),
      r: Buffer.from(crypto.getRandomValues(new Uint8Array(12))).toString("base64url"),
    }),
  ).toString("base64url");
  return `v1.${payload}.${mac(await nonceSecret(context), payload).toString("base64url")}`;
}

/**
 * Checks a `security_nonce_signed`: our signature, the same email and client, not expired.
 *
 * @throws `invalid_request` when it fails any check (the message does not say which).
 */
export async function verifySecurityNonce(
  context: ServiceContext,
  nonce: string,
  binding: NonceBinding,
): Promise<void> {
  const invalid = () => fail("invalid_request", "security_nonce_signed is not valid for this email; sign up again.");
  const [version, payload, signature, extra] = nonce.split(".");
  if (version !== "v1" || !payload || !signature || extra !== undefined) throw invalid();
  const expected = mac(await nonceSecret(context), payload);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  const { e, c, x } = (typeof claims === "object" && claims !== null ? claims : {}) as Record<string, unknown>;
  if (e !== binding.email || c !== binding.clientId || typeof x !== "number" || x <= context.now().getTime()) {
    throw invalid();
  }
}
