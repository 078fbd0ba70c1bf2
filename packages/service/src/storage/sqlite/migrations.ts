/**
 * Schema migrations, in order. A migration is never edited once released: add a new one.
 * `PRAGMA user_version` records how many have run.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE clients (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    namespace_id TEXT NOT NULL,
    public_key_jwk TEXT NOT NULL,
    origins TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    namespace_id TEXT NOT NULL,
    username TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (namespace_id, username)
  );
  CREATE TABLE codes (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    type TEXT NOT NULL,
    purpose TEXT NOT NULL,
    hash TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    authorized_at INTEGER,
    consumed_at INTEGER,
    request_info TEXT
  );
  CREATE INDEX codes_by_user ON codes (client_id, user_id, purpose, type);
  CREATE TABLE attempts (
    key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    window_ends_at INTEGER NOT NULL
  );
  CREATE TABLE nonces (
    client_id TEXT NOT NULL,
    nonce TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (client_id, nonce)
  );
  CREATE TABLE signing_keys (
    kid TEXT PRIMARY KEY,
    private_jwk TEXT NOT NULL,
    public_jwk TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    retired_at INTEGER
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
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (challenge, kind)
  );
  CREATE TABLE webauthn_credentials (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    public_key TEXT NOT NULL,
    counter INTEGER NOT NULL,
    transports TEXT NOT NULL,
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_used_at INTEGER
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
    created_at INTEGER NOT NULL
  );
  CREATE INDEX device_keys_by_user ON device_keys (user_id);
  `,
  // 2: every service token purges expired nonces; without an index that is a full scan.
  `
  CREATE INDEX nonces_by_expiry ON nonces (expires_at);
  `,
  // 3: accounts are verified by proof of their email (or by the backend that created them),
  // codes count the anonymous guesses made at them and say whether they were emailed (a proof). Existing users are verified unless they were
  // made by a passkey sign-up (their first passkey was stored with the user's own timestamp).
  `
  ALTER TABLE users ADD COLUMN verified_at INTEGER;
  UPDATE users SET verified_at = created_at WHERE NOT EXISTS (
    SELECT 1 FROM webauthn_credentials w WHERE w.user_id = users.id AND w.created_at = users.created_at
  );
  ALTER TABLE codes ADD COLUMN guesses INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE codes ADD COLUMN proves_email INTEGER NOT NULL DEFAULT 0;
  `,
  // 4: the purge of expired rows —
  // the purge deletes by expiry or window end, and without these indexes each run is a full scan.
  `
  CREATE INDEX IF NOT EXISTS codes_by_expiry ON codes (expires_at);
  CREATE INDEX IF NOT EXISTS challenges_by_expiry ON challenges (expires_at);
  CREATE INDEX IF NOT EXISTS attempts_by_window_end ON attempts (window_ends_at);
  `,
  // 5: the user lifecycle: a backend deactivates a user (no code, wait or sign-in) and activates them again.
  `
  ALTER TABLE users ADD COLUMN deactivated_at INTEGER;
  `,
  // 6: the credential lifecycle — a device key can be renamed (its device_info stays what the
  // device said) and records its last sign-in, as passkeys do; a passkey keeps its
  // authenticator's AAGUID, so a list can name the authenticator.
  `
  ALTER TABLE device_keys ADD COLUMN name TEXT;
  ALTER TABLE device_keys ADD COLUMN last_used_at INTEGER;
  ALTER TABLE webauthn_credentials ADD COLUMN aaguid TEXT;
  `,
  // 7: nonces keyed by when they end, then client and nonce: a token's row is found by its own
  // expiry (derived from its iat, so a replayed token has the same key), a new row lands at the
  // end of the index instead of at a random place in it, and the purge reads the same index.
  `
  CREATE TABLE nonces_by_expiry_key (
    expires_at INTEGER NOT NULL,
    client_id TEXT NOT NULL,
    nonce TEXT NOT NULL,
    PRIMARY KEY (expires_at, client_id, nonce)
  );
  INSERT INTO nonces_by_expiry_key (expires_at, client_id, nonce) SELECT expires_at, client_id, nonce FROM nonces;
  DROP TABLE nonces;
  ALTER TABLE nonces_by_expiry_key RENAME TO nonces;
  `,
  // 8: the OAuth device authorization grant (RFC 8628) — a client may name its verification page
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
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    interval_seconds INTEGER NOT NULL,
    last_polled_at INTEGER,
    slowed_down INTEGER NOT NULL DEFAULT 0,
    user_id TEXT,
    approved_at INTEGER,
    denied_at INTEGER,
    consumed_at INTEGER,
    request_info TEXT NOT NULL
  );
  CREATE INDEX device_authorizations_by_expiry ON device_authorizations (expires_at);
  `,
];
