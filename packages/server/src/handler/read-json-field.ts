import { HandoffError } from "@handoff/types/core";

/** Largest body the routes read, in bytes: every one carries a short field or two. */
export const MAX_BODY_BYTES = 16 * 1024;

/** Whether a request says its body is JSON (a cross-site form cannot, without a CORS preflight). */
export function isJson(request: Request): boolean {
  return /^application\/json\s*(;|$)/i.test(request.headers.get("content-type") ?? "");
}

/** The body as text, reading no more than {@link MAX_BODY_BYTES} (a bigger one is refused early). */
async function readCapped(request: Request): Promise<string> {
  const tooLarge = () => new HandoffError("invalid_argument", `The body must be at most ${MAX_BODY_BYTES} bytes.`);
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/**
 * Reads one string field of a JSON body (the caller checked the content type: `isJson`).
 *
 * @throws {HandoffError} `invalid_argument` for an oversized or malformed body, or a missing
 * field (the route answers `400`).
 */
export async function readJsonField(request: Request, field: string): Promise<string> {
  let body: unknown;
  try {
    body = JSON.parse(await readCapped(request));
  } catch (error) {
    if (error instanceof HandoffError) throw error;
    throw new HandoffError("invalid_argument", "The body is not valid JSON.");
  }
  const value = typeof body === "object" && body !== null ? (body as Record<string, unknown>)[field] : undefined;
  if (typeof value !== "string" || value.length === 0) {
    throw new HandoffError("invalid_argument", `The body needs a string "${field}".`);
  }
  return value;
}
