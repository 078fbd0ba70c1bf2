/** Options of `requestDeviceCode`. */
export interface RequestDeviceCodeOptions {
  /** The account's email; the security code is sent there. */
  email: string;
  /** Aborts the request. */
  signal?: AbortSignal;
}

/** What `requestDeviceCode` returns once the service has emailed a code. */
export interface DeviceCodeRequested {
  /**
   * The service's signed nonce (`security_nonce_signed`), bound to this email and client and
   * valid as long as the code. Pass it to `addDeviceKey` to tie the two calls together.
   */
  securityNonce: string;
}

/** Options of `addDeviceKey`. */
export interface AddDeviceKeyOptions {
  /** The account's email, as given to `requestDeviceCode`. */
  email: string;
  /** The security code from the email, as the person typed it (spaces and case do not matter). */
  securityCode: string;
  /** A description of this device the user will see in their device list. Default: `navigator.userAgent`, cut to 256 characters. */
  deviceInfo?: string;
  /** The `securityNonce` of `requestDeviceCode`. Optional; when given, the service checks it. */
  securityNonce?: string;
  /** Aborts the registration request. */
  signal?: AbortSignal;
}

/** Options of `signInWithDeviceKey`. */
export interface SignInWithDeviceKeyOptions {
  /** The account's email, as given to `addDeviceKey`. */
  email: string;
  /** Aborts the sign-in requests. */
  signal?: AbortSignal;
}
