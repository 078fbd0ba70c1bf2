import { toUserProfile, type UserProfile, userProfileSchema } from "@handoff/types";
import type { CallOptions } from "../call-options.js";
import { readCallOptions, requireUsername } from "../internal/arguments.js";
import { callService } from "../internal/call-service.js";
import type { ServerClientConfig } from "../internal/config.js";

/**
 * Looks a user up by username (seed 000, Step 1): `POST /api/native/manage/users/retrieve` with
 * a `users.retrieve` token bound to that username. Retried (network errors, 502/503/504), like
 * `listPendingCodes`, since it only reads.
 *
 * @throws {HandoffError} `invalid_argument` (nothing sent), `user_not_found`, `invalid_token`,
 * `forbidden`, `network_error`, `timeout`, `aborted`, `invalid_response`.
 *
 * @example
 * const { id } = await getUserID(config, "alice@example.com");
 */
export async function getUserID(
  config: ServerClientConfig,
  username: string,
  options?: CallOptions,
): Promise<UserProfile> {
  const name = requireUsername(username);
  const call = readCallOptions(options);
  const wire = await callService(
    config,
    {
      endpoint: "retrieveUser",
      body: { username: name },
      subject: { username: name },
      schema: userProfileSchema,
      idempotent: true,
    },
    call,
  );
  return toUserProfile(wire);
}
