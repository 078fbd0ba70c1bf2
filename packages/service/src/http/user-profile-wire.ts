import type { UserProfileWire } from "@handoff/types";
import type { UserRecord } from "../storage/records.js";

/** A stored user as the service answers it ([contract: users](../../../../docs/contract.md#users)). */
export function userProfileWire(user: UserRecord): UserProfileWire {
  return {
    id: user.id,
    username: user.username,
    namespace_id: user.namespaceId,
    created_at: user.createdAt.toISOString(),
    verified_at: user.verifiedAt === null ? null : user.verifiedAt.toISOString(),
    deactivated_at: user.deactivatedAt ? user.deactivatedAt.toISOString() : null,
  };
}
