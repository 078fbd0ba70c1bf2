import type { EndpointSpec } from "./endpoint-spec.js";

/*
 * The user endpoints (service token): create a user, look one up.
 */

/** Creates a user in the client's namespace (`POST /api/native/manage/users`). */
export const CREATE_USER_ENDPOINT = {
  method: "POST",
  path: "/api/native/manage/users",
  scope: "users.create",
  auth: "service_token",
} as const satisfies EndpointSpec;
/** Looks a user up by username (`POST /api/native/manage/users/retrieve`). */
export const RETRIEVE_USER_ENDPOINT = {
  method: "POST",
  path: "/api/native/manage/users/retrieve",
  scope: "users.retrieve",
  auth: "service_token",
} as const satisfies EndpointSpec;
