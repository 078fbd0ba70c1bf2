import type { RegisteredDeviceKey } from "@handoff/types/core/registered-device-key";
import type { Session } from "@handoff/types/core/session";
import type { BrowserClientOptions } from "./browser-client-options.js";
import type {
  AddDeviceKeyOptions,
  DeviceCodeRequested,
  RequestDeviceCodeOptions,
  SignInWithDeviceKeyOptions,
} from "./device-keys/device-key-options.js";
import { loadChunk } from "./internal/load-chunk.js";
import { resolveConfig } from "./internal/resolve-config.js";
import { runWait } from "./wait/run-wait.js";
import type { WaitCodeOptions } from "./wait/wait-code-options.js";
import type { AddDeviceOptions } from "./webauthn/add-device.js";
import type { CompleteAddPasskeyOptions } from "./webauthn/complete-add-passkey.js";
import { detectWebAuthn, type WebAuthnSupport } from "./webauthn/detect-webauthn.js";
import type { SignInOptions, SignInResult } from "./webauthn/sign-in.js";
import type { SignUpOptions } from "./webauthn/sign-up.js";
import type { SignalAcceptedCredentialsOptions, SignalCurrentUserOptions } from "./webauthn/signal-credentials.js";

/*
 * Only the core (waitCode, detectWebAuthn) is imported statically. The passkey and device-key
 * methods are loaded with `import()` on their first call, so a bundler splits them (and
 * @simplewebauthn/browser's ceremonies) into chunks an app fetches only when it uses them.
 * Keep these literal `import("./…")` calls: bundlers split on them. `test/size.test.ts` fails when
 * passkey or device-key code lands in the core again.
 */
const passkeys = () => loadChunk("passkeys", () => import("./webauthn/passkey-methods.js"));
const deviceKeys = () => loadChunk("device-keys", () => import("./device-keys/device-key-methods.js"));

/** The browser SDK. */
export interface BrowserClient {
  /** What this browser can do with passkeys. Never throws. */
  detectWebAuthn(): Promise<WebAuthnSupport>;
  /**
   * Waits until the signed-in device approves a code and returns the session; see the
   * standalone `waitCode` for the details (re-issue on 408, back-off, expiry, abort).
   *
   * @example
   * const session = await client.waitCode({ username, code, codeType: "long", expiresAt, signal });
   */
  waitCode(options: WaitCodeOptions): Promise<Session>;
  /**
   * Add device, step 1 (`docs/contract.md#add-device`): asks the service to email a security code to `email`
   * (`POST /pwless/signup`). The answer is the same whether or not the account exists.
   *
   * @example
   * const { securityNonce } = await client.requestDeviceCode({ email });
   */
  requestDeviceCode(options: RequestDeviceCodeOptions): Promise<DeviceCodeRequested>;
  /**
   * Add device, step 2: creates a non-extractable ECDSA P-256 key pair in this browser,
   * registers it with the emailed code (`POST /pwless/devices`) and keeps it in IndexedDB.
   *
   * @example
   * const { key } = await client.addDeviceKey({ email, securityCode: typed, securityNonce });
   */
  addDeviceKey(options: AddDeviceKeyOptions): Promise<RegisteredDeviceKey>;
  /**
   * Signs in with the device key stored for `email` (challenge, signature, session). Throws
   * `no_device_key` when this browser holds none: offer add device or one-time sign-in.
   *
   * @example
   * const session = await client.signInWithDeviceKey({ email });
   */
  signInWithDeviceKey(options: SignInWithDeviceKeyOptions): Promise<Session>;
  /**
   * Creates an account with a passkey on this device and signs in (`user_exists` when the
   * username is taken); see the standalone `signUp`.
   *
   * @example
   * const session = await client.signUp({ username: "ada@example.com", credentialName: "Laptop" });
   */
  signUp(options: SignUpOptions): Promise<Session>;
  /**
   * Signs in with a passkey, or answers `no_credential_on_device` with the choices to offer
   * (`add_device`, `use_once`); see the standalone `signIn`.
   *
   * @example
   * const result = await client.signIn({ username });
   * if (result.status === "authenticated") useSession(result.session);
   * else offer(result.next); // ["add_device", "use_once"]
   */
  signIn(options: SignInOptions): Promise<SignInResult>;
  /**
   * Adds this device to an existing account with a new passkey, using an authorized
   * `add_credential` code; see the standalone `addDevice`.
   *
   * @example
   * const session = await client.addDevice({ username, code: typedCode }); // codeType "phrase"
   */
  addDevice(options: AddDeviceOptions): Promise<Session>;
  /**
   * Adds a passkey on this device to the signed-in account with the registration options your
   * backend got from `startAddPasskey` (no code); see the standalone `completeAddPasskey`.
   *
   * @example
   * const { options } = await (await fetch("/account/passkeys/start", { method: "POST" })).json();
   * const session = await client.completeAddPasskey({ options, credentialName: "Work laptop" });
   */
  completeAddPasskey(options: CompleteAddPasskeyOptions): Promise<Session>;
  /**
   * Tells the passkey provider which of the user's passkeys still work (WebAuthn Signal API,
   * `signalAllAcceptedCredentials`); `false` where the browser has none. See the standalone
   * `signalAcceptedCredentials` in `@handoff/browser/passkeys`.
   *
   * @example
   * await client.signalAcceptedCredentials({ userId: session.user.id, credentialIds: passkeyIds });
   */
  signalAcceptedCredentials(options: SignalAcceptedCredentialsOptions): Promise<boolean>;
  /**
   * Tells the passkey provider the account's current name (`signalCurrentUserDetails`); `false`
   * where the browser has none. See the standalone `signalCurrentUser`.
   *
   * @example
   * await client.signalCurrentUser({ userId: session.user.id, name: session.user.username });
   */
  signalCurrentUser(options: SignalCurrentUserOptions): Promise<boolean>;
}

/**
 * Creates the browser SDK for one service and client.
 *
 * `waitCode` and `detectWebAuthn` are part of the core bundle. The passkey methods (`signUp`,
 * `signIn`, `addDevice`, `completeAddPasskey`, `signalAcceptedCredentials`, `signalCurrentUser`) and the device-key methods (`requestDeviceCode`, `addDeviceKey`,
 * `signInWithDeviceKey`) load their code on their first call, from a chunk your bundler splits
 * off; when that chunk cannot be fetched they reject with `network_error` (`details.chunk`).
 *
 * @example
 * const client = createBrowserClient({ baseUrl: "https://auth.example.com", clientId });
 * const support = await client.detectWebAuthn();
 *
 * @throws {HandoffError} `invalid_argument` for a malformed `baseUrl` or an empty `clientId`.
 */
export function createBrowserClient(options: BrowserClientOptions): BrowserClient {
  const config = resolveConfig(options);
  return {
    detectWebAuthn,
    waitCode: (waitOptions) => runWait(config, waitOptions),
    requestDeviceCode: async (deviceOptions) => (await deviceKeys()).runRequestDeviceCode(config, deviceOptions),
    addDeviceKey: async (deviceOptions) => (await deviceKeys()).runAddDeviceKey(config, deviceOptions),
    signInWithDeviceKey: async (deviceOptions) => (await deviceKeys()).runSignInWithDeviceKey(config, deviceOptions),
    signUp: async (passkeyOptions) => (await passkeys()).runSignUp(config, passkeyOptions),
    signIn: async (passkeyOptions) => (await passkeys()).runSignIn(config, passkeyOptions),
    addDevice: async (passkeyOptions) => (await passkeys()).runAddDevice(config, passkeyOptions),
    completeAddPasskey: async (passkeyOptions) => (await passkeys()).runCompleteAddPasskey(config, passkeyOptions),
    signalAcceptedCredentials: async (signal) => (await passkeys()).signalAcceptedCredentials(signal),
    signalCurrentUser: async (signal) => (await passkeys()).signalCurrentUser(signal),
  };
}
