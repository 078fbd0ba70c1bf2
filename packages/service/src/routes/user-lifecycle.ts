import { deleteUserResponseSchema, ENDPOINTS, idSchema, userProfileSchema, userRequestSchema } from "@handoff/types";
import type { Context, Hono } from "hono";
import { checkTokenClient, checkTokenUser } from "../auth/token-binding.js";
import { type VerifiedServiceToken, verifyServiceToken } from "../auth/verify-service-token.js";
import type { ServiceContext } from "../context.js";
import { fail } from "../http/fail.js";
import { readBody, reply } from "../http/json.js";
import { userProfileWire } from "../http/user-profile-wire.js";
import type { UserRecord } from "../storage/records.js";
import { endUserWaits } from "../users/end-user-waits.js";

type LifecycleEndpoint = "deleteUser" | "deleteUserById" | "activateUser" | "deactivateUser";

/** The `{id}` path parameter as Hono names it. */
const byId = (endpoint: LifecycleEndpoint) => ENDPOINTS[endpoint].path.replace("{id}", ":id");

/**
 * What every route below checks first, in this order: the service token and its scope, the
 * `X-Client-ID` header when sent (`@loginid/node-sdk` sends it), the user id of the path (or the
 * body's username), the token's binding to that user, and the user.
 */
async function lifecycleTarget(
  c: Context,
  context: ServiceContext,
  endpoint: LifecycleEndpoint,
): Promise<{ token: VerifiedServiceToken; user: UserRecord }> {
  const token = await verifyServiceToken(context, c.req.header("authorization"), ENDPOINTS[endpoint].scope);
  const clientId = c.req.header("x-client-id");
  if (clientId !== undefined) checkTokenClient(token, clientId);
  const namespaceId = token.client.namespaceId;
  if (endpoint === "deleteUser") {
    const { username } = await readBody(c, userRequestSchema);
    const user = await context.storage.users.getByName(namespaceId, username);
    checkTokenUser(token, user ?? { username });
    if (!user) throw fail("user_not_found", "No user with this username.");
    return { token, user };
  }
  const id = idSchema.safeParse(c.req.param("id"));
  if (!id.success) throw fail("invalid_request", "The user id in the path is not valid.");
  const user = await context.storage.users.getById(namespaceId, id.data);
  checkTokenUser(token, user ?? { id: id.data });
  if (!user) throw fail("user_not_found", "No user with this id.");
  return { token, user };
}

/**
 * Delete a user (by username or id), deactivate and activate one — the paths and scopes of
 * `@loginid/node-sdk` 0.8.3 ([contract: users](../../../../docs/contract.md#users)). Deleting
 * and deactivating end the user's live codes and answer the waits on them.
 */
export function registerUserLifecycleRoutes(app: Hono, context: ServiceContext): void {
  const remove = async (c: Context, endpoint: "deleteUser" | "deleteUserById") => {
    const { token, user } = await lifecycleTarget(c, context, endpoint);
    const deletion = await context.storage.users.delete(token.client.namespaceId, user.id);
    if (!deletion) throw fail("user_not_found", "No user with this id.");
    endUserWaits(context, deletion.deletedCodes);
    return reply(c, deleteUserResponseSchema, { deleted_at: context.now().toISOString() });
  };
  app.post(ENDPOINTS.deleteUser.path, (c) => remove(c, "deleteUser"));
  app.delete(byId("deleteUserById"), (c) => remove(c, "deleteUserById"));

  app.put(byId("deactivateUser"), async (c) => {
    const { token, user } = await lifecycleTarget(c, context, "deactivateUser");
    const deactivation = await context.storage.users.deactivate(token.client.namespaceId, user.id, context.now());
    if (!deactivation) throw fail("user_not_found", "No user with this id.");
    endUserWaits(context, deactivation.deletedCodes);
    return reply(c, userProfileSchema, userProfileWire(deactivation.user));
  });

  app.put(byId("activateUser"), async (c) => {
    const { token, user } = await lifecycleTarget(c, context, "activateUser");
    const activated = await context.storage.users.activate(token.client.namespaceId, user.id);
    if (!activated) throw fail("user_not_found", "No user with this id.");
    return reply(c, userProfileSchema, userProfileWire(activated));
  });
}
