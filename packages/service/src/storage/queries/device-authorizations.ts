import type { DeviceAuthorizationRecord } from "../records.js";
import { toDeviceAuthorization } from "../rows.js";
import { sql } from "../sql/query.js";
import { jsonText, msOrNull } from "../sql/sql-database.js";
import type { DeviceAuthorizationStore } from "../storage.js";
import { SqlStore } from "./sql-store.js";

/** Seconds RFC 8628 §3.5 adds to the interval at each `slow_down`. */
export const SLOW_DOWN_SECONDS = 5;

// A user code hash already taken (live or kept until the purge) inserts nothing: the caller draws again.
const INSERT = sql(
  `INSERT INTO device_authorizations (id, client_id, device_code_hash, user_code_hash, scope, created_at, expires_at,
     interval_seconds, last_polled_at, slowed_down, user_id, approved_at, denied_at, consumed_at, request_info)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
);
const GET = sql("SELECT * FROM device_authorizations WHERE id = ?");
const BY_DEVICE_CODE = sql("SELECT * FROM device_authorizations WHERE device_code_hash = ?");
const BY_USER_CODE = sql("SELECT * FROM device_authorizations WHERE user_code_hash = ?");
// Every SET expression reads the row as it was: the poll before this one decides. The row lock
// (Postgres) or the writer lock (SQLite) orders concurrent polls, so each sees the one before.
const POLL = sql(
  `UPDATE device_authorizations SET
     slowed_down = CASE WHEN last_polled_at IS NOT NULL AND last_polled_at + interval_seconds * 1000 - ? > ? THEN 1 ELSE 0 END,
     interval_seconds = interval_seconds + CASE WHEN last_polled_at IS NOT NULL AND last_polled_at + interval_seconds * 1000 - ? > ? THEN ${SLOW_DOWN_SECONDS} ELSE 0 END,
     last_polled_at = ?
   WHERE id = ? RETURNING *`,
);
const PENDING = "approved_at IS NULL AND denied_at IS NULL AND consumed_at IS NULL AND expires_at > ?";
const APPROVE = sql(
  `UPDATE device_authorizations SET approved_at = ?, user_id = ? WHERE id = ? AND ${PENDING} RETURNING *`,
);
const DENY = sql(`UPDATE device_authorizations SET denied_at = ? WHERE id = ? AND ${PENDING} RETURNING *`);
const CONSUME = sql(
  `UPDATE device_authorizations SET consumed_at = ?
   WHERE id = ? AND approved_at IS NOT NULL AND consumed_at IS NULL AND expires_at > ?`,
);

/** {@link DeviceAuthorizationStore} on the `device_authorizations` table, in either dialect: every atomic method is one statement. */
export class SqlDeviceAuthorizationStore extends SqlStore implements DeviceAuthorizationStore {
  async insert(record: DeviceAuthorizationRecord): Promise<boolean> {
    const inserted = await this.db.run(INSERT, [
      record.id,
      record.clientId,
      record.deviceCodeHash,
      record.userCodeHash,
      record.scope,
      record.createdAt.getTime(),
      record.expiresAt.getTime(),
      record.intervalSeconds,
      msOrNull(record.lastPolledAt),
      record.slowedDown ? 1 : 0,
      record.userId,
      msOrNull(record.approvedAt),
      msOrNull(record.deniedAt),
      msOrNull(record.consumedAt),
      jsonText(record.requestInfo),
    ]);
    return inserted === 1;
  }

  async get(id: string): Promise<DeviceAuthorizationRecord | undefined> {
    const row = await this.db.get(GET, [id]);
    return row && toDeviceAuthorization(row);
  }

  async getByDeviceCode(hash: string): Promise<DeviceAuthorizationRecord | undefined> {
    const row = await this.db.get(BY_DEVICE_CODE, [hash]);
    return row && toDeviceAuthorization(row);
  }

  async getByUserCode(hash: string): Promise<DeviceAuthorizationRecord | undefined> {
    const row = await this.db.get(BY_USER_CODE, [hash]);
    return row && toDeviceAuthorization(row);
  }

  async poll(id: string, now: Date, toleranceMs: number): Promise<DeviceAuthorizationRecord | undefined> {
    const time = now.getTime();
    const row = await this.db.get(POLL, [toleranceMs, time, toleranceMs, time, time, id]);
    return row && toDeviceAuthorization(row);
  }

  async approve(id: string, userId: string, now: Date): Promise<DeviceAuthorizationRecord | undefined> {
    const row = await this.db.get(APPROVE, [now.getTime(), userId, id, now.getTime()]);
    return row && toDeviceAuthorization(row);
  }

  async deny(id: string, now: Date): Promise<DeviceAuthorizationRecord | undefined> {
    const row = await this.db.get(DENY, [now.getTime(), id, now.getTime()]);
    return row && toDeviceAuthorization(row);
  }

  async consume(id: string, now: Date): Promise<boolean> {
    return (await this.db.run(CONSUME, [now.getTime(), id, now.getTime()])) === 1;
  }
}
