import * as z from "zod/mini";
import { codeTypeSchema } from "./codes.js";
import { codeValueSchema, idSchema, usernameSchema } from "./primitives.js";

/** Body of `POST /api/native/authenticate/code/wait`. */
export const waitCodeRequestSchema = z.object({
  client_id: idSchema,
  username: usernameSchema,
  authentication_code: z.object({ code: codeValueSchema, type: codeTypeSchema }),
  /** Extension: a name for the session's credential, as the seed's `waitCode(…, credential_name)`. */
  credential_name: z.optional(z.string().check(z.maxLength(128))),
});
/** Wire type of {@link waitCodeRequestSchema}. */
export type WaitCodeRequest = z.infer<typeof waitCodeRequestSchema>;

/** The answer of every successful authentication (seed 000, Step 6). */
export const authenticationResponseSchema = z.object({
  client: z.object({ id: idSchema, type: z.string() }),
  credential: z.object({ uuid: idSchema, type: z.string(), name: z.string() }),
  user: z.object({ id: idSchema, username: usernameSchema, namespace_id: idSchema }),
  jwt: z.string().check(z.minLength(1)),
  is_authenticated: z.boolean(),
});
/** Wire type of {@link authenticationResponseSchema}. */
export type AuthenticationResponse = z.infer<typeof authenticationResponseSchema>;

/** A signed-in session, as the SDKs return it. */
export interface Session {
  /** The signed JWT; send it to your backend, which verifies it. */
  jwt: string;
  /** Whether the user is authenticated. */
  isAuthenticated: boolean;
  /** Who signed in. */
  user: { id: string; username: string; namespaceId: string };
  /** The client the session belongs to. */
  client: { id: string; type: string };
  /** The credential the session was made with. */
  credential: { uuid: string; type: string; name: string };
}

/** Converts a wire authentication answer to a {@link Session}. */
export function toSession(wire: AuthenticationResponse): Session {
  return {
    jwt: wire.jwt,
    isAuthenticated: wire.is_authenticated,
    user: { id: wire.user.id, username: wire.user.username, namespaceId: wire.user.namespace_id },
    client: { id: wire.client.id, type: wire.client.type },
    credential: { uuid: wire.credential.uuid, type: wire.credential.type, name: wire.credential.name },
  };
}
