import { toUserProfile, type UserProfile, userProfileSchema } from "@handoff/types";
import type { CallOptions } from "../call-options.js";
import { readCallOptions, requireUsername } from "../internal/arguments.js";
import { callService } from "../internal/call-service.js";
import type { ServerClientConfig } from "../internal/config.js";

/**
 * Creates a user in the client's namespace: `POST /api/native/manage/users` with a
 * `users.create` token bound to that username. Never retried (a retry after a lost answer
 * would report `user_exists` for the user it just created).
 *
 * @throws {HandoffError} `invalid_argument` (nothing sent), `user_exists`, `invalid_token`,
 * `forbidden`, `network_error`, `timeout`, `aborted`, `invalid_response`.
 *
 * @example
 * const user = await createUser(config, "alice@example.com");
 */
export async function createUser(
  config: ServerClientConfig,
  username: string,
  options?: CallOptions,
): Promise<UserProfile> {
  const name = requireUsername(username);
  const call = readCallOptions(options);
  const wire = await callService(
    config,
    {
      endpoint: "createUser",
      body: { username: name },
      subject: { username: name },
      schema: userProfileSchema,
      idempotent: false,
    },
    call,
  );
  return toUserProfile(wire);
}
