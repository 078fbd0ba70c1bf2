export type { CreateClientOptions, CreatedClient } from "./clients.js";
export { CODE_SPACE, generateCode, LONG_CODE_ALPHABET } from "./codes/generate-code.js";
export type { LogEntry, Logger } from "./logger.js";
export type { Mail, OutboxMail } from "./mail/mailer.js";
export type { ServiceOptions, SmtpOptions } from "./options.js";
export type { RunningService } from "./start-service.js";
export { startService } from "./start-service.js";
export { SqliteStorage } from "./storage/sqlite/sqlite-storage.js";
export type { AttemptState, Storage } from "./storage/storage.js";
