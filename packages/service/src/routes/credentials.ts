import {
  credentialResponseSchema,
  ENDPOINTS,
  listCredentialsQuerySchema,
  listCredentialsResponseSchema,
  renameCredentialRequestSchema,
  revokeCredentialRequestSchema,
} from "@handoff/types";
import type { Hono } from "hono";
import { verifyServiceToken } from "../auth/verify-service-token.js";
import type { ServiceContext } from "../context.js";
import { resolveCredentialOwner } from "../credentials/credential-owner.js";
import { notifyCredentialRevoked } from "../credentials/notify-credential-revoked.js";
import { listUserCredentials, type UserCredential } from "../credentials/user-credentials.js";
import { fail } from "../http/fail.js";
import { readBody, readQuery, reply } from "../http/json.js";

const notFound = () => fail("credential_not_found", "The user has no passkey or device key with this id.");

async function findCredential(context: ServiceContext, userId: string, uuid: string): Promise<UserCredential> {
  const found = (await listUserCredentials(context, userId)).find((credential) => credential.wire.uuid === uuid);
  if (!found) throw notFound();
  return found;
}

/**
 * `GET /api/native/credentials?user_id=`, `POST /api/native/credentials/rename` and `…/revoke`:
 * a backend lists, renames and revokes its users' passkeys and device keys, at the paths
 * `@loginid/node-sdk` calls ([contract: credentials](../../../../docs/contract.md#credentials)).
 * A credential of another user is `404 credential_not_found`, never touched. A revoke deletes
 * the row, so the credential can never sign in again and a challenge issued for it fails at
 * complete; the user's last passkey or device key is revoked only with `force: true`
 * (`409 last_credential` otherwise), and the user is emailed.
 */
export function registerCredentialRoutes(app: Hono, context: ServiceContext): void {
  app.get(ENDPOINTS.listCredentials.path, async (c) => {
    const token = await verifyServiceToken(context, c.req.header("authorization"), ENDPOINTS.listCredentials.scope);
    const query = readQuery(c, listCredentialsQuerySchema);
    const user = await resolveCredentialOwner(context, token, {
      clientId: c.req.header("x-client-id"),
      userId: query.user_id,
    });
    const credentials = await listUserCredentials(context, user.id);
    return reply(c, listCredentialsResponseSchema, { credentials: credentials.map((credential) => credential.wire) });
  });

  app.post(ENDPOINTS.renameCredential.path, async (c) => {
    const token = await verifyServiceToken(context, c.req.header("authorization"), ENDPOINTS.renameCredential.scope);
    const body = await readBody(c, renameCredentialRequestSchema);
    const user = await resolveCredentialOwner(context, token, { clientId: body.client_id, userId: body.user_id });
    const { uuid, name } = body.credential;
    const found = await findCredential(context, user.id, uuid);
    const store = context.storage.credentials;
    const renamed =
      found.kind === "passkey"
        ? await store.renamePasskey(user.id, uuid, name)
        : await store.renameDeviceKey(user.id, uuid, name);
    if (!renamed) throw notFound(); // revoked meanwhile
    return reply(c, credentialResponseSchema, { credential: { ...found.wire, name } });
  });

  app.post(ENDPOINTS.revokeCredential.path, async (c) => {
    const token = await verifyServiceToken(context, c.req.header("authorization"), ENDPOINTS.revokeCredential.scope);
    const body = await readBody(c, revokeCredentialRequestSchema);
    const user = await resolveCredentialOwner(context, token, { clientId: body.client_id, userId: body.user_id });
    const found = await findCredential(context, user.id, body.credential.uuid);
    const revoked = await context.storage.credentials.revoke(user.id, found.wire.uuid, body.force === true);
    if (revoked === "not_found") throw notFound();
    if (revoked === "last") {
      throw fail(
        "last_credential",
        "This is the user's last passkey or device key: revoking it would lock them out. Send force: true to revoke it anyway.",
      );
    }
    await notifyCredentialRevoked(context, user, revoked);
    return reply(c, credentialResponseSchema, { credential: found.wire });
  });
}
