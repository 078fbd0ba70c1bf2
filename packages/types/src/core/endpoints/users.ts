import type { EndpointSpec } from "./endpoint-spec.js";

/*
 * The user endpoints (service token): create a user, look one up, delete, deactivate and activate one.
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
/** Deletes a user by username (`POST /api/native/manage/users/delete`, `@loginid/node-sdk`'s `deleteUserByUsername`). */
export const DELETE_USER_ENDPOINT = {
  method: "POST",
  path: "/api/native/manage/users/delete",
  scope: "users.delete",
  auth: "service_token",
} as const satisfies EndpointSpec;
/** Deletes a user by id (`DELETE /api/native/manage/users/{id}`). */
export const DELETE_USER_BY_ID_ENDPOINT = {
  method: "DELETE",
  path: "/api/native/manage/users/{id}",
  scope: "users.delete",
  auth: "service_token",
} as const satisfies EndpointSpec;
/** Activates a deactivated user again (`PUT /api/native/manage/users/{id}/activate`). */
export const ACTIVATE_USER_ENDPOINT = {
  method: "PUT",
  path: "/api/native/manage/users/{id}/activate",
  scope: "users.activate",
  auth: "service_token",
} as const satisfies EndpointSpec;
/** Deactivates a user: no code, wait or sign-in until activated (`PUT /api/native/manage/users/{id}/deactivate`). */
export const DEACTIVATE_USER_ENDPOINT = {
  method: "PUT",
  path: "/api/native/manage/users/{id}/deactivate",
  scope: "users.deactivate",
  auth: "service_token",
} as const satisfies EndpointSpec;
