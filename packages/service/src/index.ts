export type { CreateClientOptions, CreatedClient } from "./clients.js";
export { LONG_CODE_ALPHABET } from "./codes/generate-code.js";
export type { DeviceGrantOptions } from "./device-grant/device-grant-settings.js";
export type { LogEntry, Logger } from "./logger.js";
export type { Mail, OutboxMail } from "./mail/mailer.js";
export type { SmtpOptions } from "./mail/smtp-options.js";
export type { ServiceOptions } from "./options.js";
export type { RotateSigningKeyOptions, RunningService } from "./start-service.js";
export { startService } from "./start-service.js";
export type { CodeEventBus, CodeEventListener, SharedCodeEvent } from "./storage/events/code-event-bus.js";
export type { PostgresCodeEventBus } from "./storage/postgres/postgres-code-event-bus.js";
export type { PostgresStorageOptions } from "./storage/postgres/postgres-storage.js";
export { PostgresStorage } from "./storage/postgres/postgres-storage.js";
export type { PurgeCounts } from "./storage/purge.js";
export type { DeviceAuthorizationRecord, DeviceGrantSettings } from "./storage/records.js";
export { SqliteStorage } from "./storage/sqlite/sqlite-storage.js";
export type {
  AttemptState,
  AttemptStore,
  ChallengeStore,
  ClientStore,
  CodeQuery,
  CodeStore,
  CredentialStore,
  DeviceAuthorizationStore,
  KeyStore,
  RateLimiterOptions,
  Storage,
  UserStore,
} from "./storage/storage.js";
