import type { CallOptions } from "../call-options.js";

/**
 * What `getDeviceAuthorization` and `denyDeviceAuthorization` take.
 *
 * @example
 * const options: DeviceAuthorizationOptions = { userCode: "BDWP-HQPK", userId: claims.userId };
 */
export interface DeviceAuthorizationOptions extends CallOptions {
  /** The user code as the person typed or scanned it (`BDWP-HQPK`); case, spaces and dashes do not matter. */
  userCode: string;
  /**
   * The signed-in user at your verification page (the `sub` of their verified JWT). With it,
   * wrong user codes are counted for that user only (`maxFailedAttempts`); without it, for your
   * whole client (`maxFailedAttemptsPerAddress`), so send it whenever someone is signed in.
   */
  userId?: string;
}

/**
 * What `approveDeviceAuthorization` takes.
 *
 * @example
 * const options: ApproveDeviceAuthorizationOptions = { userCode: "BDWP-HQPK", userId: claims.userId };
 */
export interface ApproveDeviceAuthorizationOptions extends CallOptions {
  /** The user code as the person typed or scanned it; case, spaces and dashes do not matter. */
  userCode: string;
  /** The signed-in user who approves: the device's tokens are issued for them. */
  userId: string;
}
