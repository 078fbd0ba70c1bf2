import type { DeleteUserResponse } from "../users.js";

/** The result of deleting a user. */
export interface DeletedUser {
  /** When the user, with its credentials and codes, was deleted. */
  deletedAt: Date;
}

/**
 * Converts a wire delete answer to a {@link DeletedUser}.
 *
 * @example
 * const { deletedAt } = toDeletedUser(deleteUserResponseSchema.parse(body));
 */
export function toDeletedUser(wire: DeleteUserResponse): DeletedUser {
  return { deletedAt: new Date(wire.deleted_at) };
}
