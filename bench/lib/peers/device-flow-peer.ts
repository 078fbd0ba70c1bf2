/** What the peers bench drives on each peer's RFC 8628 device flow, whatever its HTTP shape. */

/** A device authorization response (RFC 8628 §3.2), the parts the bench uses. */
export interface DeviceAuthorization {
  deviceCode: string;
  userCode: string;
  /**
   * The polling interval the peer advertises, seconds; 5 when it advertises none (RFC 8628 §3.2:
   * "If no value is provided, clients MUST use 5 as the default").
   */
  intervalSeconds: number;
  /** Whether the response carried `interval` (false: `intervalSeconds` is RFC 8628's default). */
  intervalAdvertised: boolean;
}

/** One peer's device flow, running in its own process, driven over loopback HTTP. */
export interface DeviceFlowPeer {
  /** The name shown in RESULTS.md, e.g. `oidc-provider 9.13.3`. */
  name: string;
  /** The peer's server process (its CPU time is read from /proc). */
  pid: number;
  /** HTTP requests in one cycle: device authorization + every approval request + one token request. */
  requestsPerCycle: number;
  /** What one approval is, in words, for RESULTS.md. */
  approval: string;
  /** Signs in `count` approvers (users, each with its own browser session); not timed. */
  signInApprovers(count: number): Promise<void>;
  /** The device's first request: a device code and a user code. */
  authorizeDevice(): Promise<DeviceAuthorization>;
  /**
   * Signed-in approver number `approver` enters `userCode` and approves it; resolves once the last
   * approval request has returned. An approver approves one code at a time.
   */
  approve(approver: number, userCode: string): Promise<void>;
  /** One token request: `true` when the tokens came back, `false` on `authorization_pending`. */
  redeem(deviceCode: string): Promise<boolean>;
  /** Stops the peer's process. */
  stop(): Promise<void>;
}
