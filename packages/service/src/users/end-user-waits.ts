import type { ServiceContext } from "../context.js";

/**
 * Wakes the waits on codes a deactivation or deletion deleted, here and on every other instance.
 * They wake as for an invalidation; the wait then reads the user again and answers
 * `user_deactivated` or `user_not_found` instead of `code_invalidated`.
 */
export function endUserWaits(context: ServiceContext, deletedCodes: readonly string[]): void {
  for (const id of deletedCodes) context.waits.publish(id, "invalidated");
}
