import {
  requireCodePurpose,
  requireCodeType,
  requireUserCode,
  requireUserId,
  requireUsername,
} from "@handoff/types/core/arguments";
import type { CallOptions } from "../call-options.js";
import { readCallOptions, requireObject } from "./arguments.js";
import type { ServiceRequest } from "./service-method.js";

/**
 * The request of a method about one user by name (`getUser`, `createUser`): the username is the
 * body and the token's `username` claim.
 *
 * @throws {HandoffError} `invalid_argument` for a malformed username or call options.
 */
export function userRequest(username: string, options: CallOptions | undefined): ServiceRequest {
  const name = requireUsername(username);
  return { subject: name, body: { username: name }, call: readCallOptions(options) };
}

/**
 * The request of a code method: the user, code type and purpose every code method takes, in the
 * path (`{type}`), the body and the token's `user_id` claim, plus the method's own `fields`
 * (read from the same options object).
 *
 * @throws {HandoffError} `invalid_argument` for a malformed option, before anything is sent.
 */
export function codeRequest(
  clientId: string,
  options: unknown,
  fields?: (input: Record<string, unknown>) => Record<string, unknown>,
): ServiceRequest {
  const input = requireObject(options, "options");
  const userId = requireUserId(input.userId);
  const codeType = requireCodeType(input.codeType);
  const purpose = requireCodePurpose(input.purpose);
  const body = { client_id: clientId, user_id: userId, purpose, ...fields?.(input) };
  const call = readCallOptions({ signal: input.signal, timeoutMs: input.timeoutMs });
  return { params: { type: codeType }, subject: userId, body, call };
}

/**
 * The request of a method about one user by id (`deactivateUser`, `activateUser`, `deleteUser`):
 * the id is the path's `{id}` and the token's `user_id` claim; there is no body.
 *
 * @throws {HandoffError} `invalid_argument` for a malformed user id or call options.
 */
export function userIdRequest(userId: string, options: CallOptions | undefined): ServiceRequest {
  const id = requireUserId(userId);
  return { params: { id }, subject: id, call: readCallOptions(options) };
}

/**
 * The request of a credential method: the user every one takes, in the token's `user_id` claim
 * and in the body (`{client_id, user_id}` plus the method's own `fields`, read from the same
 * options object) — or, for a `GET`, in the query string (`?user_id=`).
 *
 * @throws {HandoffError} `invalid_argument` for a malformed option, before anything is sent.
 */
export function credentialRequest(
  clientId: string,
  options: unknown,
  fields?: (input: Record<string, unknown>) => Record<string, unknown>,
  { inQuery = false } = {},
): ServiceRequest {
  const input = requireObject(options, "options");
  const userId = requireUserId(input.userId);
  const call = readCallOptions({ signal: input.signal, timeoutMs: input.timeoutMs });
  if (inQuery) return { subject: userId, query: { user_id: userId }, call };
  return { subject: userId, body: { client_id: clientId, user_id: userId, ...fields?.(input) }, call };
}

/**
 * The request of a device authorization method: the user code in the body, and the user (required
 * to approve, optional otherwise) in the body and the token's `user_id` claim — a token bound to
 * nobody when no user is given.
 *
 * @throws {HandoffError} `invalid_argument` for a malformed option, before anything is sent.
 */
export function deviceAuthorizationRequest(
  clientId: string,
  options: unknown,
  { userRequired }: { userRequired: boolean },
): ServiceRequest {
  const input = requireObject(options, "options");
  const userCode = requireUserCode(input.userCode);
  const userId = userRequired || input.userId !== undefined ? requireUserId(input.userId) : undefined;
  const call = readCallOptions({ signal: input.signal, timeoutMs: input.timeoutMs });
  const body = { client_id: clientId, user_code: userCode, ...(userId === undefined ? {} : { user_id: userId }) };
  return { ...(userId === undefined ? {} : { subject: userId }), body, call };
}
