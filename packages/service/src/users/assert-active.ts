import { fail } from "../http/fail.js";
import type { UserRecord } from "../storage/records.js";

/**
 * Throws `403 user_deactivated` when the user's backend has deactivated them. Anonymous routes
 * call it only once the caller has proved a way into the account (a right code, a verified
 * passkey or device-key signature), so it tells nobody else that the account exists or is
 * deactivated ([security model: accounts](../../../../docs/security.md#accounts)).
 */
export function assertActive(user: UserRecord): void {
  if (user.deactivatedAt) throw fail("user_deactivated");
}
