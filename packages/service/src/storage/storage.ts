import type { CodePurpose, CodeType } from "@handoff/types";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import type { PurgeCounts } from "./purge.js";
import type {
  AccountVerification,
  ChallengeRecord,
  ClientRecord,
  CodeRecord,
  DeviceKeyRecord,
  RequestInfo,
  SigningKeyRecord,
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

/** What happened to a code, as told to the other service instances on the same database. */
export type SharedCodeEvent = "authorized" | "invalidated";

/** Receives the code events of the other service instances sharing the database. */
export interface CodeEventListener {
  /** Another instance authorized or invalidated `codeId`. */
  onEvent(codeId: string, event: SharedCodeEvent): void;
  /**
   * Events may have been missed (the notification connection dropped and is back, listening
   * again): every pending wait must re-read its code from storage.
   */
  onResync(): void;
}

/**
 * Everything the service persists, behind one small asynchronous interface. `SqliteStorage` and
 * `PostgresStorage` implement it with the same atomicity: every method that says "atomically"
 * is a single statement or transaction, correct when several service instances share the
 * database.
 */
export interface Storage {
  /** Creates or upgrades the schema. Idempotent. */
  migrate(): Promise<void>;
  /** Closes the connection. */
  close(): Promise<void>;

  insertClient(client: ClientRecord): Promise<void>;
  getClient(id: string): Promise<ClientRecord | undefined>;
  listClients(): Promise<ClientRecord[]>;

  /** Inserts a user; returns `false` when the username is taken in that namespace. */
  insertUser(user: UserRecord): Promise<boolean>;
  getUserById(namespaceId: string, id: string): Promise<UserRecord | undefined>;
  getUserByName(namespaceId: string, username: string): Promise<UserRecord | undefined>;
  /**
   * Atomically inserts a user and its first passkey (a passkey sign-up), both or neither, so an
   * account can never be seen without the credential it was made with.
   */
  insertUserWithPasskey(
    user: UserRecord,
    credential: WebAuthnCredentialRecord,
  ): Promise<"inserted" | "user_exists" | "credential_exists">;
  /**
   * Atomically marks a user verified, if it was not, and then deletes every way into the account
   * that existed before the proof: its passkeys, device keys, live codes (any client, type and
   * purpose) and pending challenges. `undefined` when the user was already verified (nothing is
   * deleted) or does not exist.
   */
  verifyUser(userId: string, now: Date): Promise<AccountVerification | undefined>;

  insertCode(code: CodeRecord): Promise<void>;
  /** Codes not consumed, of one user, client, type and purpose (expired ones included). */
  listCodes(query: CodeQuery): Promise<CodeRecord[]>;
  /**
   * Atomically counts one anonymous guess on every code of `query` that is not consumed, before
   * the guess is compared; returns those codes with their new counts.
   */
  reserveCodeGuess(query: CodeQuery): Promise<CodeRecord[]>;
  /** Takes back the guess {@link reserveCodeGuess} counted on these codes (the guess was right). */
  returnCodeGuess(ids: readonly string[]): Promise<void>;
  /** Deletes the unconsumed codes of `query` with at least `guesses` anonymous guesses; returns their ids. */
  deleteGuessedCodes(query: CodeQuery, guesses: number): Promise<string[]>;
  /** Whether a consumed code of `query` has this hash (a right code sent again after its use). */
  isConsumedCode(query: CodeQuery, hash: string): Promise<boolean>;
  getCode(id: string): Promise<CodeRecord | undefined>;
  /** Atomically marks an unconsumed, unexpired code authorized; `false` when it no longer qualifies. */
  authorizeCode(id: string, now: Date): Promise<boolean>;
  /**
   * Atomically records who is waiting on a code, only when nothing is recorded yet (the first
   * wait wins); `false` when something already was, or the code is unknown.
   */
  recordCodeRequester(id: string, info: RequestInfo): Promise<boolean>;
  /** Atomically consumes an authorized, unconsumed, unexpired code; exactly one caller gets `true`. */
  consumeCode(id: string, now: Date): Promise<boolean>;
  /** Deletes the unconsumed codes of a user for a purpose (and type, when given); returns their ids. */
  deleteCodes(query: { clientId: string; userId: string; purpose: CodePurpose; type?: CodeType }): Promise<string[]>;
  /**
   * Deletes the rows no request can use any more, of every table requests fill (anonymous ones
   * included): challenges and nonces expired at `now`, attempt counters whose window ended at
   * `now`, and codes expired at least `codeRetentionMs` before `now`. Returns how many rows of
   * each table it deleted. Works in bounded batches, each one statement; several instances
   * purging the same database at once share the work.
   */
  purgeExpired(now: Date, codeRetentionMs: number): Promise<PurgeCounts>;

  /** Atomically counts one failure under `key` in a window of `windowMs`. */
  recordFailure(key: string, windowMs: number, now: Date): Promise<AttemptState>;
  /** Current failures under `key`, or `undefined` when its window has ended. */
  getFailures(key: string, now: Date): Promise<AttemptState | undefined>;
  /** Atomically takes back one failure counted under `key` (never below zero). */
  forgiveFailure(key: string): Promise<void>;

  /**
   * A rate limiter (rate-limiter-flexible) whose counts every service instance on this storage
   * shares: in the database for Postgres, in memory for SQLite (one process owns the file).
   */
  createRateLimiter(options: RateLimiterOptions): RateLimiterAbstract;

  /** Atomically records a nonce; `false` when it was already seen and has not expired. */
  useNonce(clientId: string, nonce: string, expiresAt: Date, now: Date): Promise<boolean>;

  listSigningKeys(): Promise<SigningKeyRecord[]>;
  insertSigningKey(key: SigningKeyRecord): Promise<void>;
  retireSigningKeys(except: string, now: Date): Promise<void>;

  /** Reads a named secret, creating it with `create()` the first time (atomically). */
  getOrCreateSecret(name: string, create: () => string): Promise<string>;

  insertChallenge(challenge: ChallengeRecord): Promise<void>;
  /** Atomically deletes and returns a challenge of that kind; `undefined` when unknown or used. */
  takeChallenge(challenge: string, kind: string): Promise<ChallengeRecord | undefined>;

  /**
   * Inserts a passkey added with a code created at `codeCreatedAt`, atomically with respect to
   * {@link verifyUser}: refused (`"superseded"`) when the user was verified after the code was
   * made — a proof of the email ends every right to add a credential granted before it.
   */
  insertPasskeyWithCode(
    credential: WebAuthnCredentialRecord,
    codeCreatedAt: Date,
  ): Promise<"inserted" | "credential_exists" | "superseded">;
  /** Inserts a credential; `false` when its id is already registered. */
  insertWebAuthnCredential(credential: WebAuthnCredentialRecord): Promise<boolean>;
  getWebAuthnCredential(id: string): Promise<WebAuthnCredentialRecord | undefined>;
  listWebAuthnCredentials(userId: string): Promise<WebAuthnCredentialRecord[]>;
  updateWebAuthnCounter(id: string, counter: number, usedAt: Date): Promise<void>;

  insertDeviceKey(key: DeviceKeyRecord): Promise<void>;
  getDeviceKey(id: string): Promise<DeviceKeyRecord | undefined>;
  listDeviceKeys(userId: string): Promise<DeviceKeyRecord[]>;

  /**
   * Optional, for storage that several service instances share (Postgres): calls `listener`
   * with the code events the other instances publish (never this instance's own), from now
   * until the returned function is called. Absent when one process owns the database (SQLite).
   */
  subscribeCodeEvents?(listener: CodeEventListener): Promise<() => Promise<void>>;
  /** Optional, with `subscribeCodeEvents`: tells the other instances' subscribers about `event`. */
  publishCodeEvent?(codeId: string, event: SharedCodeEvent): Promise<void>;
}
