import type { PendingCodeWire } from "../pending-codes.js";

/** The device waiting on a code, as the SDKs return it. */
export interface CodeRequester {
  /** Its `User-Agent` header (at most 256 characters), when it sent one. */
  userAgent?: string;
  /** Its IP address, when known. */
  ip?: string;
  /** When it first waited on the code. */
  seenAt: Date;
}

/** A live (unexpired, unconsumed) code of a user, as the SDKs return it. */
export interface PendingCode {
  /** When the code was generated. */
  createdAt: Date;
  /** When the code stops being accepted. */
  expiresAt: Date;
  /** Whether the code is already authorized. */
  isAuthorized: boolean;
  /** The device waiting on the code, or `null` when no device has waited on it yet. */
  requester: CodeRequester | null;
}

/**
 * Converts one wire pending code to a {@link PendingCode}.
 *
 * @example
 * const [pending] = listPendingCodesResponseSchema.parse(body).codes.map(toPendingCode);
 */
export function toPendingCode(wire: PendingCodeWire): PendingCode {
  const { requester } = wire;
  return {
    createdAt: new Date(wire.created_at),
    expiresAt: new Date(wire.expires_at),
    isAuthorized: wire.is_authorized,
    requester:
      requester === null
        ? null
        : {
            ...(requester.user_agent === undefined ? {} : { userAgent: requester.user_agent }),
            ...(requester.ip === undefined ? {} : { ip: requester.ip }),
            seenAt: new Date(requester.seen_at),
          },
  };
}
