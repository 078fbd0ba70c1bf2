import { ENDPOINTS, userProfileSchema, userRequestSchema } from "@handoff/types";
import type { Hono } from "hono";
import { checkTokenUser } from "../auth/token-binding.js";
import { verifyServiceToken } from "../auth/verify-service-token.js";
import type { ServiceContext } from "../context.js";
import { fail } from "../http/fail.js";
import { readBody, reply } from "../http/json.js";
import { userProfileWire } from "../http/user-profile-wire.js";
import type { UserRecord } from "../storage/records.js";

/** `POST /api/native/manage/users` and `/manage/users/retrieve`. */
export function registerUserRoutes(app: Hono, context: ServiceContext): void {
  app.post(ENDPOINTS.createUser.path, async (c) => {
    const token = await verifyServiceToken(context, c.req.header("authorization"), ENDPOINTS.createUser.scope);
    const { username } = await readBody(c, userRequestSchema);
    checkTokenUser(token, { username });
    const user: UserRecord = {
      id: crypto.randomUUID(),
      namespaceId: token.client.namespaceId,
      username,
      createdAt: context.now(),
      verifiedAt: context.now(), // the backend vouches for the users it creates
    };
    if (!(await context.storage.users.insert(user))) throw fail("user_exists");
    return reply(c, userProfileSchema, userProfileWire(user));
  });

  app.post(ENDPOINTS.retrieveUser.path, async (c) => {
    const token = await verifyServiceToken(context, c.req.header("authorization"), ENDPOINTS.retrieveUser.scope);
    const { username } = await readBody(c, userRequestSchema);
    const user = await context.storage.users.getByName(token.client.namespaceId, username);
    checkTokenUser(token, user ?? { username });
    if (!user) throw fail("user_not_found", "No user with this username.");
    return reply(c, userProfileSchema, userProfileWire(user));
  });
}
