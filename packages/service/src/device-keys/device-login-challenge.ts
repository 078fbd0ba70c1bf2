/**
 * How long a device-key sign-in challenge (`/pwless/login/init`) can be signed, in milliseconds:
 * 5 minutes. Service policy: the contract only carries the resulting `expires_at`.
 */
export const DEVICE_LOGIN_CHALLENGE_LIFETIME_MS = 5 * 60_000;

/** The `kind` of device-login challenges in storage. */
export const DEVICE_LOGIN_CHALLENGE_KIND = "device_login";
