import { HandoffError } from "@handoff/types";

/** Largest body the routes read, in bytes: every one carries a short field or two. */
const MAX_BODY_BYTES = 16 * 1024;

/**
 * Reads one string field of a JSON body. Only `application/json` is read: a cross-site form
 * cannot send it without a CORS preflight, so the routes need no CSRF token of their own.
 *
 * @throws {HandoffError} `invalid_argument` for another content type, an oversized or malformed
 * body, or a missing field (the route answers `400`).
 */
export async function readJsonField(request: Request, field: string): Promise<string> {
  if (!/^application\/json\s*(;|$)/i.test(request.headers.get("content-type") ?? "")) {
    throw new HandoffError("invalid_argument", "Send JSON (Content-Type: application/json).");
  }
  const text = await request.text();
  if (new TextEncoder().encode(text).length > MAX_BODY_BYTES) {
    throw new HandoffError("invalid_argument", `The body must be at most ${MAX_BODY_BYTES} bytes.`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HandoffError("invalid_argument", "The body is not valid JSON.");
  }
  const value = typeof body === "object" && body !== null ? (body as Record<string, unknown>)[field] : undefined;
  if (typeof value !== "string" || value.length === 0) {
    throw new HandoffError("invalid_argument", `The body needs a string "${field}".`);
  }
  return value;
}
