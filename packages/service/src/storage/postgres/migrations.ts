/**
 * Postgres schema migrations, in order: the SQLite schema (`../sqlite/migrations.ts`) in
 * Postgres types. Timestamps are BIGINT milliseconds since the epoch, ids TEXT, JSON TEXT (so
 * both adapters read rows with the same converters). A migration is never edited once released:
 * add a new one, here and for SQLite. The `schema_migrations` table records which have run.
 */
export const POSTGRES_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE clients (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    namespace_id TEXT NOT NULL,
    public_key_jwk TEXT NOT NULL,
    origins TEXT NOT NULL,
    created_at BIGINT NOT NULL
  );
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    namespace_id TEXT NOT NULL,
    username TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (namespace_id, username)
  );
  CREATE TABLE codes (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    type TEXT NOT NULL,
    purpose TEXT NOT NULL,
    hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    authorized_at BIGINT,
    consumed_at BIGINT,
    request_info TEXT
  );
  CREATE INDEX codes_by_user ON codes (client_id, user_id, purpose, type);
  CREATE INDEX codes_by_expiry ON codes (expires_at);
  CREATE TABLE attempts (
    key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    window_ends_at BIGINT NOT NULL
  );
  CREATE TABLE nonces (
    client_id TEXT NOT NULL,
    nonce TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (client_id, nonce)
  );
  CREATE INDEX nonces_by_expiry ON nonces (expires_at);
  CREATE TABLE signing_keys (
    kid TEXT PRIMARY KEY,
    private_jwk TEXT NOT NULL,
    public_jwk TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    retired_at BIGINT
  );
  CREATE TABLE secrets (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  CREATE TABLE challenges (
    challenge TEXT NOT NULL,
    kind TEXT NOT NULL,
    client_id TEXT NOT NULL,
    user_id TEXT,
    data TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (challenge, kind)
  );
  CREATE TABLE webauthn_credentials (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    public_key TEXT NOT NULL,
    counter BIGINT NOT NULL,
    transports TEXT NOT NULL,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT
  );
  CREATE INDEX webauthn_credentials_by_user ON webauthn_credentials (user_id);
  CREATE TABLE device_keys (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    key_data TEXT NOT NULL,
    key_type TEXT NOT NULL,
    key_length INTEGER NOT NULL,
    signature_algorithm TEXT NOT NULL,
    device_info TEXT NOT NULL,
    created_at BIGINT NOT NULL
  );
  CREATE INDEX device_keys_by_user ON device_keys (user_id);
  `,
  // 2: accounts are verified by proof of their email (or by the backend that created them), codes
  // count the anonymous guesses made at them, and the per-address limiter keeps its counts here.
  `
  ALTER TABLE users ADD COLUMN verified_at BIGINT;
  UPDATE users SET verified_at = created_at WHERE NOT EXISTS (
    SELECT 1 FROM webauthn_credentials w WHERE w.user_id = users.id AND w.created_at = users.created_at
  );
  ALTER TABLE codes ADD COLUMN guesses INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE codes ADD COLUMN proves_email INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE rate_limits (
    key VARCHAR(255) PRIMARY KEY,
    points INTEGER NOT NULL DEFAULT 0,
    expire BIGINT
  );
  CREATE INDEX rate_limits_by_expiry ON rate_limits (expire);
  `,
  // 3: the purge of expired rows —
  // the purge deletes by expiry or window end, and without these indexes each run is a full
  // scan. codes and nonces have theirs since the first migration.
  `
  CREATE INDEX IF NOT EXISTS challenges_by_expiry ON challenges (expires_at);
  CREATE INDEX IF NOT EXISTS attempts_by_window_end ON attempts (window_ends_at);
  `,
  // 4: the user lifecycle: a backend deactivates a user (no code, wait or sign-in) and activates them again.
  `
  ALTER TABLE users ADD COLUMN deactivated_at BIGINT;
  `,
  // 5: the credential lifecycle — a device key can be renamed (its device_info stays what the
  // device said) and records its last sign-in, as passkeys do; a passkey keeps its
  // authenticator's AAGUID, so a list can name the authenticator.
  `
  ALTER TABLE device_keys ADD COLUMN name TEXT;
  ALTER TABLE device_keys ADD COLUMN last_used_at BIGINT;
  ALTER TABLE webauthn_credentials ADD COLUMN aaguid TEXT;
  `,
  // 6: nonces keyed by when they end, then client and nonce (see the SQLite migration 7).
  `
  CREATE TABLE nonces_by_expiry_key (
    expires_at BIGINT NOT NULL,
    client_id TEXT NOT NULL,
    nonce TEXT NOT NULL,
    PRIMARY KEY (expires_at, client_id, nonce)
  );
  INSERT INTO nonces_by_expiry_key (expires_at, client_id, nonce) SELECT expires_at, client_id, nonce FROM nonces;
  DROP TABLE nonces;
  ALTER TABLE nonces_by_expiry_key RENAME TO nonces;
  `,
  // 7: the OAuth device authorization grant (RFC 8628) — a client may name its verification page
  // and how it authenticates at the token endpoint (a table of its own: a client's row never
  // changes, so it is cached); device authorizations are stored with keyed hashes of their device
  // and user codes, deleted by the purge after their expiry.
  `
  CREATE TABLE client_device_grants (
    client_id TEXT PRIMARY KEY,
    verification_uri TEXT NOT NULL,
    token_endpoint_auth_method TEXT NOT NULL
  );
  CREATE TABLE device_authorizations (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL,
    device_code_hash TEXT NOT NULL UNIQUE,
    user_code_hash TEXT NOT NULL UNIQUE,
    scope TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    interval_seconds INTEGER NOT NULL,
    last_polled_at BIGINT,
    slowed_down INTEGER NOT NULL DEFAULT 0,
    user_id TEXT,
    approved_at BIGINT,
    denied_at BIGINT,
    consumed_at BIGINT,
    request_info TEXT NOT NULL
  );
  CREATE INDEX device_authorizations_by_expiry ON device_authorizations (expires_at);
  `,
];
