import type { RateLimiterAbstract } from "rate-limiter-flexible";

/** The limiters of anonymous callers by address, shared by every instance on the storage. */
export interface AddressLimiters {
  /** Per address, whatever users the codes name (`maxFailedAttemptsPerAddress`). */
  perAddress: RateLimiterAbstract;
  /** Per address and user (`maxFailedAttemptsPerAddressAndUser`). */
  perAddressAndUser: RateLimiterAbstract;
  /** Security-code mails asked for per address, whatever emails (`maxSignupsPerAddress`). */
  signupsPerAddress: RateLimiterAbstract;
  /** Passkey sign-in and sign-up `init`s per address (`maxPasskeyInitsPerAddress`). */
  passkeyInitsPerAddress: RateLimiterAbstract;
  /** OAuth device authorizations started per address (`maxDeviceAuthorizationsPerAddress`). */
  deviceAuthorizationsPerAddress: RateLimiterAbstract;
}
