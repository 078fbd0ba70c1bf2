import type { Context } from "hono";
import type * as z from "zod/mini";
import { fail } from "./fail.js";

/**
 * Reads the JSON body and validates it with `schema`.
 *
 * @throws `invalid_request` for malformed JSON or a body the schema refuses (the message names
 * the first offending field, never echoes its value).
 */
export async function readBody<S extends z.ZodMiniType>(c: Context, schema: S): Promise<z.output<S>> {
  let raw: unknown;
  try {
    raw = JSON.parse(await c.req.text());
  } catch {
    throw fail("invalid_request", "The body is not valid JSON.");
  }
  return parseRequest(schema, raw, "body");
}

/**
 * Validates the query string with `schema` (each parameter's first value).
 *
 * @throws `invalid_request` naming the first offending parameter, never echoing its value.
 */
export function readQuery<S extends z.ZodMiniType>(c: Context, schema: S): z.output<S> {
  return parseRequest(schema, c.req.query(), "query");
}

function parseRequest<S extends z.ZodMiniType>(schema: S, raw: unknown, whole: string): z.output<S> {
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue && issue.path.length > 0 ? issue.path.join(".") : whole;
    throw fail("invalid_request", `Invalid request: ${field}: ${issue?.message ?? "invalid"}.`);
  }
  return result.data;
}

/** Answers 200 with `body`, after checking it against the contract's response schema. */
export function reply<S extends z.ZodMiniType>(c: Context, schema: S, body: z.input<S>): Response {
  return c.json(schema.parse(body) as object, 200);
}
