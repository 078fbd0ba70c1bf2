import type { AddressLimiters } from "./codes/address-limiters.js";
import type { SigningKeys } from "./keys/signing-keys.js";
import type { Mailer } from "./mail/mailer.js";
import type { ServiceMetrics } from "./metrics/service-metrics.js";
import type { ResolvedOptions } from "./options.js";
import type { Storage } from "./storage/storage.js";
import type { WaitHub } from "./wait/wait-hub.js";
import type { WaitLimits } from "./wait/wait-limits.js";

/** What every handler needs, built once by `startService`. */
export interface ServiceContext {
  options: ResolvedOptions;
  storage: Storage;
  keys: SigningKeys;
  waits: WaitHub;
  /** Caps on the waits held at once per code and per client address (this instance's). */
  waitLimits: WaitLimits;
  /** `undefined` when mail is off (no SMTP, no dev outbox). */
  mailer: Mailer | undefined;
  /** Secret of the code HMACs. */
  codeSecret: string;
  /** `iss` of user JWTs. */
  issuer: () => string;
  /** Anonymous wrong codes per address, and per address and user. */
  addressLimiters: AddressLimiters;
  /** Current time. */
  now: () => Date;
  /** Prometheus counters and histograms (served at `GET /metrics` when the option is on). */
  metrics: ServiceMetrics;
  /** Set while the service shuts down; new waits are refused. */
  closing: { value: boolean };
}
