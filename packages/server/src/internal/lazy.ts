/**
 * The SDK's heavy dependencies, loaded on first use: importing `@handoff/server` evaluates none of
 * jose, ky or zod (a serverless function's cold start pays only for what it calls). Each is
 * loaded once; a failed load is tried again next time.
 */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => {
    loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
    return loaded;
  };
}

/** jose: signing service tokens, verifying user JWTs, the JWKS. */
export const loadJose = once(() => import("jose"));

/** ky: the HTTP calls to the service. */
export const loadKy = once(() => import("ky"));

/** The contract's zod schemas, to check the service's answers. */
export const loadSchemas = once(() => import("@handoff/types"));

/** The module {@link loadSchemas} resolves to. */
export type Schemas = Awaited<ReturnType<typeof loadSchemas>>;
