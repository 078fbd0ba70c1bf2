import type { ChallengeRecord } from "../records.js";
import { toChallenge } from "../rows.js";
import { sql } from "../sql/query.js";
import { jsonText } from "../sql/sql-database.js";
import type { ChallengeStore } from "../storage.js";
import { SqlStore } from "./sql-store.js";

const INSERT = sql(
  "INSERT INTO challenges (challenge, kind, client_id, user_id, data, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
);
const TAKE = sql("DELETE FROM challenges WHERE challenge = ? AND kind = ? RETURNING *");
/** Deletes every pending challenge of a user (`?`: the user id). */
export const DELETE_USER_CHALLENGES = sql("DELETE FROM challenges WHERE user_id = ?");

/** {@link ChallengeStore} on the `challenges` table, in either dialect. */
export class SqlChallengeStore extends SqlStore implements ChallengeStore {
  async insert(challenge: ChallengeRecord): Promise<void> {
    await this.db.run(INSERT, [
      challenge.challenge,
      challenge.kind,
      challenge.clientId,
      challenge.userId,
      jsonText(challenge.data),
      challenge.expiresAt.getTime(),
    ]);
  }

  async take(challenge: string, kind: string): Promise<ChallengeRecord | undefined> {
    const row = await this.db.get(TAKE, [challenge, kind]);
    return row && toChallenge(row);
  }
}
