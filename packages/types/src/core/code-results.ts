import type { AuthorizeCodeResponse, GenerateCodeResponse, InvalidateCodesResponse } from "../codes-api.js";

/** A generated code, as the SDKs return it. */
export interface GeneratedCode {
  /** The code to show, send or encode in a QR code. */
  code: string;
  /** When the code stops being accepted. */
  expiresAt: Date;
  /** Whether the code was generated already authorized. */
  isAuthorized: boolean;
}

/** The result of authorizing a code. */
export interface AuthorizedCode {
  /** When the authorized code stops being accepted. */
  expiresAt: Date;
  /** Always `true`. */
  isAuthorized: true;
}

/** The result of invalidating codes. */
export interface InvalidatedCodes {
  /** When the codes were deleted. */
  deletedAt: Date;
}

/**
 * Converts a wire generate answer to a {@link GeneratedCode}.
 *
 * @example
 * const { code, expiresAt } = toGeneratedCode(generateCodeResponseSchema.parse(body));
 */
export function toGeneratedCode(wire: GenerateCodeResponse): GeneratedCode {
  return { code: wire.code, expiresAt: new Date(wire.expires_at), isAuthorized: wire.is_authorized };
}

/**
 * Converts a wire authorize answer to an {@link AuthorizedCode}.
 *
 * @example
 * const { expiresAt } = toAuthorizedCode(authorizeCodeResponseSchema.parse(body));
 */
export function toAuthorizedCode(wire: AuthorizeCodeResponse): AuthorizedCode {
  return { expiresAt: new Date(wire.expires_at), isAuthorized: true };
}

/**
 * Converts a wire invalidate-all answer to {@link InvalidatedCodes}.
 *
 * @example
 * const { deletedAt } = toInvalidatedCodes(invalidateCodesResponseSchema.parse(body));
 */
export function toInvalidatedCodes(wire: InvalidateCodesResponse): InvalidatedCodes {
  return { deletedAt: new Date(wire.deleted_at) };
}
