import type { Context } from "hono";
import { ApiError } from "./api-error.ts";

/** Longest username accepted, in characters. */
const MAX_USERNAME_LENGTH = 256;

/**
 * Reads a string field of a JSON body: present, a string, trimmed, not empty, at most
 * `maxLength` characters. Anything else answers `400 invalid_request`.
 *
 * @example
 * const jwt = await readStringField(c, "jwt", 8192);
 */
export async function readStringField(c: Context, field: string, maxLength: number): Promise<string> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new ApiError(400, "invalid_request", "The body must be JSON.");
  }
  const value = typeof body === "object" && body !== null ? (body as Record<string, unknown>)[field] : undefined;
  if (typeof value !== "string" || value.trim() === "" || value.length > maxLength) {
    throw new ApiError(400, "invalid_request", `Send a "${field}" of 1 to ${maxLength} characters.`);
  }
  return value.trim();
}

/**
 * Reads `{ username }` from a JSON body.
 *
 * @example
 * const username = await readUsername(c);
 */
export function readUsername(c: Context): Promise<string> {
  return readStringField(c, "username", MAX_USERNAME_LENGTH);
}
