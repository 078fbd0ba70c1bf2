import type { CodePurpose, CodeType } from "@handoff/types";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import type { PurgeCounts } from "./purge.js";
import type {
  AccountVerification,
  ChallengeRecord,
  ClientRecord,
  CodeRecord,
  DeviceAuthorizationRecord,
  DeviceGrantSettings,
  DeviceKeyRecord,
  RequestInfo,
  RevokedCredential,
  SigningKeyRecord,
  UserDeactivation,
  UserDeletion,
  UserRecord,
  WebAuthnCredentialRecord,
} from "./records.js";

/** Outcome of counting a failed attempt. */
export interface AttemptState {
  /** Failures in the current window, this one included. */
  failures: number;
  /** When the window (and any lock-out) ends. */
  windowEndsAt: Date;
}

/** The codes of one user, client, type and purpose. */
export interface CodeQuery {
  clientId: string;
  userId: string;
  type: CodeType;
  purpose: CodePurpose;
}

/** A rate limiter of `points` per `durationSeconds` per key, shared by every instance on the storage. */
export interface RateLimiterOptions {
  /** Namespaces the keys of this limiter. */
  keyPrefix: string;
  points: number;
  durationSeconds: number;
}

/** The clients (backends) and their keys. */
export interface ClientStore {
  insert(client: ClientRecord): Promise<void>;
  get(id: string): Promise<ClientRecord | undefined>;
  /** Every client, oldest first. */
  list(): Promise<ClientRecord[]>;
  /** A client's device grant settings (never cached: they may change); `undefined` when it has none. */
  getDeviceGrant(id: string): Promise<DeviceGrantSettings | undefined>;
  /** Sets (or, with `null`, removes) a client's device grant settings; `false` for an unknown client. */
  setDeviceGrant(id: string, settings: DeviceGrantSettings | null): Promise<boolean>;
}

/** The users of every namespace, and the proof of their email. */
export interface UserStore {
  /** Inserts a user; returns `false` when the username is taken in that namespace. */
  insert(user: UserRecord): Promise<boolean>;
  getById(namespaceId: string, id: string): Promise<UserRecord | undefined>;
  getByName(namespaceId: string, username: string): Promise<UserRecord | undefined>;
  /**
   * Atomically inserts a user and its first passkey (a passkey sign-up), both or neither, so an
   * account can never be seen without the credential it was made with.
   */
  insertWithPasskey(
    user: UserRecord,
    credential: WebAuthnCredentialRecord,
  ): Promise<"inserted" | "user_exists" | "credential_exists">;
  /**
   * Atomically marks a user verified, if it was not, and then deletes every way into the account
   * that existed before the proof: its passkeys, device keys, live codes (any client, type and
   * purpose) and pending challenges. `undefined` when the user was already verified (nothing is
   * deleted) or does not exist.
   */
  verify(userId: string, now: Date): Promise<AccountVerification | undefined>;
  /**
   * Atomically marks a user deactivated (keeping the first time when it already was) and deletes
   * its live codes (any client, type and purpose). Pending challenges stay, so that completing
   * one answers `user_deactivated`. `undefined` when there is no such user.
   */
  deactivate(namespaceId: string, id: string, now: Date): Promise<UserDeactivation | undefined>;
  /** Marks a user active again; returns it, or `undefined` when there is no such user. */
  activate(namespaceId: string, id: string): Promise<UserRecord | undefined>;
  /**
   * Atomically deletes a user and everything of theirs: passkeys, device keys, codes (live and
   * used), pending challenges and the counters of wrong codes sent for them. `undefined` when
   * there is no such user.
   */
  delete(namespaceId: string, id: string): Promise<UserDeletion | undefined>;
}

/** Passkeys (WebAuthn credentials) and device keys. */
export interface CredentialStore {
  /** Inserts a passkey; `false` when its id is already registered. */
  insertPasskey(credential: WebAuthnCredentialRecord): Promise<boolean>;
  /**
   * Inserts a passkey added with a code created at `codeCreatedAt`, atomically with respect to
   * {@link UserStore.verify}: refused (`"superseded"`) when the user was verified after the code
   * was made — a proof of the email ends every right to add a credential granted before it.
   */
  insertPasskeyWithCode(
    credential: WebAuthnCredentialRecord,
    codeCreatedAt: Date,
  ): Promise<"inserted" | "credential_exists" | "superseded">;
  getPasskey(id: string): Promise<WebAuthnCredentialRecord | undefined>;
  /** A user's passkeys, oldest first. */
  listPasskeys(userId: string): Promise<WebAuthnCredentialRecord[]>;
  updatePasskeyCounter(id: string, counter: number, usedAt: Date): Promise<void>;
  insertDeviceKey(key: DeviceKeyRecord): Promise<void>;
  getDeviceKey(id: string): Promise<DeviceKeyRecord | undefined>;
  /** A user's device keys, oldest first. */
  listDeviceKeys(userId: string): Promise<DeviceKeyRecord[]>;
  /** Records a device key's sign-in. */
  touchDeviceKey(id: string, usedAt: Date): Promise<void>;
  /** Renames a passkey of `userId`; `false` when that user has no passkey with that id. */
  renamePasskey(userId: string, id: string, name: string): Promise<boolean>;
  /** Renames a device key of `userId`; `false` when that user has no device key with that id. */
  renameDeviceKey(userId: string, id: string, name: string): Promise<boolean>;
  /**
   * Atomically deletes the passkey or device key `id` of `userId` and returns it; `"not_found"`
   * when that user has none with that id; `"last"` (nothing deleted) when it is the user's only
   * passkey or device key and `allowLast` is `false`. Two revokes of a user's last two
   * credentials never both succeed without `allowLast` (the user's row is locked).
   */
  revoke(userId: string, id: string, allowLast: boolean): Promise<RevokedCredential | "not_found" | "last">;
}

/** Codes, stored as keyed hashes. */
export interface CodeStore {
  insert(code: CodeRecord): Promise<void>;
  get(id: string): Promise<CodeRecord | undefined>;
  /** Codes not consumed, of one user, client, type and purpose (expired ones included), oldest first. */
  list(query: CodeQuery): Promise<CodeRecord[]>;
  /** Atomically counts one wrong anonymous guess on every code of `query` that is not consumed. */
  countGuess(query: CodeQuery): Promise<void>;
  /** Deletes the unconsumed codes of `query` with at least `guesses` anonymous guesses; returns their ids. */
  deleteGuessed(query: CodeQuery, guesses: number): Promise<string[]>;
  /** Whether a consumed code of `query` has this hash (a right code sent again after its use). */
  isConsumed(query: CodeQuery, hash: string): Promise<boolean>;
  /** Atomically marks an unconsumed, unexpired code authorized; `false` when it no longer qualifies. */
  authorize(id: string, now: Date): Promise<boolean>;
  /**
   * Atomically records who is waiting on a code, only when nothing is recorded yet (the first
   * wait wins); `false` when something already was, or the code is unknown.
   */
  recordRequester(id: string, info: RequestInfo): Promise<boolean>;
  /** Atomically consumes an authorized, unconsumed, unexpired code; exactly one caller gets `true`. */
  consume(id: string, now: Date): Promise<boolean>;
  /** Deletes the unconsumed codes of a user for a purpose (and type, when given); returns their ids. */
  delete(query: { clientId: string; userId: string; purpose: CodePurpose; type?: CodeType }): Promise<string[]>;
}

/** OAuth device authorizations (RFC 8628), found by the keyed hash of either of their codes. */
export interface DeviceAuthorizationStore {
  /** Inserts one; `false` (nothing inserted) when its user code or device code hash is taken. */
  insert(record: DeviceAuthorizationRecord): Promise<boolean>;
  get(id: string): Promise<DeviceAuthorizationRecord | undefined>;
  getByDeviceCode(hash: string): Promise<DeviceAuthorizationRecord | undefined>;
  getByUserCode(hash: string): Promise<DeviceAuthorizationRecord | undefined>;
  /**
   * Atomically records a poll of the token endpoint at `now`: when it comes more than
   * `toleranceMs` sooner than the interval after the previous one, the interval grows by 5 s
   * and `slowedDown` is set (RFC 8628 §3.5), else `slowedDown` is cleared. Returns the record as
   * updated, `undefined` when it is gone.
   */
  poll(id: string, now: Date, toleranceMs: number): Promise<DeviceAuthorizationRecord | undefined>;
  /** Atomically approves a pending, unexpired one for `userId`; `undefined` when it no longer qualifies. */
  approve(id: string, userId: string, now: Date): Promise<DeviceAuthorizationRecord | undefined>;
  /** Atomically denies a pending, unexpired one; `undefined` when it no longer qualifies. */
  deny(id: string, now: Date): Promise<DeviceAuthorizationRecord | undefined>;
  /** Atomically marks an approved, unexpired one redeemed; exactly one caller gets `true`. */
  consume(id: string, now: Date): Promise<boolean>;
}

/** Failure counters and single-use nonces. */
export interface AttemptStore {
  /** Atomically counts one failure under `key` in a window of `windowMs`. */
  recordFailure(key: string, windowMs: number, now: Date): Promise<AttemptState>;
  /** Current failures under `key`, or `undefined` when its window has ended. */
  getFailures(key: string, now: Date): Promise<AttemptState | undefined>;
  /**
   * Holds `key` until the open transaction ends: another transaction locking the same key waits
   * for it. Inside `Storage.transaction` only (outside one, it holds nothing). On SQLite a
   * transaction already excludes every other writer, so this costs nothing there.
   */
  lock(key: string): Promise<void>;
  /**
   * Atomically records a client's nonce, kept until `expiresAt` (derived from what the token says,
   * so the same token always brings the same one); `false` when that nonce was already recorded
   * with that expiry: the same token again.
   */
  useNonce(clientId: string, nonce: string, expiresAt: Date): Promise<boolean>;
}

/** The service's signing keys and named secrets. */
export interface KeyStore {
  /** Every signing key, newest first. */
  listSigningKeys(): Promise<SigningKeyRecord[]>;
  insertSigningKey(key: SigningKeyRecord): Promise<void>;
  retireSigningKeys(except: string, now: Date): Promise<void>;
  /** Reads a named secret, creating it with `create()` the first time (atomically). */
  getOrCreateSecret(name: string, create: () => string): Promise<string>;
}

/** Pending ceremony challenges (WebAuthn and device keys). */
export interface ChallengeStore {
  insert(challenge: ChallengeRecord): Promise<void>;
  /** Atomically deletes and returns a challenge of that kind; `undefined` when unknown or used. */
  take(challenge: string, kind: string): Promise<ChallengeRecord | undefined>;
}

/** The stores of a {@link Storage}: what a transaction's work runs on. */
export interface StorageStores {
  readonly clients: ClientStore;
  readonly users: UserStore;
  readonly credentials: CredentialStore;
  readonly codes: CodeStore;
  readonly attempts: AttemptStore;
  readonly keys: KeyStore;
  readonly challenges: ChallengeStore;
  readonly deviceAuthorizations: DeviceAuthorizationStore;
}

/**
 * Everything the service persists, one store per table (or pair of tables), behind small
 * asynchronous interfaces. `SqliteStorage` and `PostgresStorage` run the same queries with the
 * same atomicity: every method that says "atomically" is a single statement or transaction,
 * correct when several service instances share the database. Code events between instances
 * travel on a `CodeEventBus`, not here.
 */
export interface Storage extends StorageStores {
  /**
   * Runs `work` on the stores in one transaction, so a request's writes cost one commit. It is
   * committed when `work` resolves **or throws a `HandoffError`**: a refused request keeps what it
   * counted (its nonce, a failed attempt, a lock-out and the codes it deleted), exactly as if each
   * write had committed on its own; rolled back on any other error. Inside `work`, use only
   * `stores` (on SQLite the database's connection is the transaction's until it ends).
   */
  transaction<T>(work: (stores: StorageStores) => Promise<T>): Promise<T>;

  /** Creates or upgrades the schema. Idempotent. */
  migrate(): Promise<void>;
  /** Closes the connection. */
  close(): Promise<void>;
  /**
   * Deletes the rows no request can use any more, of every table requests fill (anonymous ones
   * included): challenges and nonces expired at `now`, attempt counters whose window ended at
   * `now`, and codes expired at least `codeRetentionMs` before `now`. Returns how many rows of
   * each table it deleted. Works in bounded batches, each one statement; several instances
   * purging the same database at once share the work.
   */
  purgeExpired(now: Date, codeRetentionMs: number): Promise<PurgeCounts>;
  /**
   * A rate limiter (rate-limiter-flexible) whose counts every service instance on this storage
   * shares: in the database for Postgres, in memory for SQLite (one process owns the file).
   */
  createRateLimiter(options: RateLimiterOptions): RateLimiterAbstract;
}
