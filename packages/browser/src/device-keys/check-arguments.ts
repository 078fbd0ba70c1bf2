import { HandoffError } from "@handoff/types/core/errors";
import { fitsCodePoints } from "@handoff/types/core/text";

/**
 * The email, trimmed; the service checks it fully.
 *
 * @throws {HandoffError} `invalid_argument` when it is not a string of the shape `a@b`, or longer than 254.
 */
export function checkEmail(email: unknown): string {
  const trimmed = typeof email === "string" ? email.trim() : "";
  if (!/^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+$/u.test(trimmed) || !fitsCodePoints(trimmed, 254)) {
    throw new HandoffError("invalid_argument", "email must be an email address of at most 254 characters.");
  }
  return trimmed;
}

/**
 * Checks that the options argument is an object.
 *
 * @throws {HandoffError} `invalid_argument` otherwise, naming what `method` needs.
 */
export function checkOptions(options: unknown, method: string, needs: string): Record<string, unknown> {
  if (typeof options !== "object" || options === null) {
    throw new HandoffError("invalid_argument", `${method} needs ${needs}.`);
  }
  return options as Record<string, unknown>;
}

/**
 * The WebCrypto `SubtleCrypto` of this runtime.
 *
 * @throws {HandoffError} `device_key_unsupported` outside a secure context or without WebCrypto.
 */
export function subtleCrypto(): SubtleCrypto {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) {
    throw new HandoffError(
      "device_key_unsupported",
      "This browser cannot keep a device key (no WebCrypto; is the page served over HTTPS?).",
    );
  }
  return subtle;
}
