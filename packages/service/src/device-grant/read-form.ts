import type { Context } from "hono";
import type * as z from "zod/mini";
import { OAuthError } from "./oauth-error.js";

/**
 * Reads an `application/x-www-form-urlencoded` body (the content type and size were checked by
 * the shared middleware) and validates it with `schema`. A parameter sent twice is refused (RFC
 * 6749 §3.1, §3.2: "parameters MUST NOT be included more than once"); unknown ones are dropped.
 *
 * @throws {OAuthError} `invalid_request`, naming the first offending parameter, never its value.
 */
export async function readForm<S extends z.ZodMiniType>(c: Context, schema: S): Promise<z.output<S>> {
  const params = new URLSearchParams(await c.req.text());
  const form: Record<string, string> = Object.create(null);
  for (const [name, value] of params) {
    if (Object.hasOwn(form, name))
      throw new OAuthError("invalid_request", `The parameter ${name.slice(0, 64)} is repeated.`);
    form[name] = value;
  }
  const result = schema.safeParse({ ...form });
  if (!result.success) {
    const field = result.error.issues[0]?.path.join(".") || "body";
    throw new OAuthError("invalid_request", `Invalid request: ${field}.`);
  }
  return result.data;
}
