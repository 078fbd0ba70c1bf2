/**
 * The core of the Handoff browser SDK: `createBrowserClient` (whose passkey and device-key
 * methods load on first use), `waitCode` and `detectWebAuthn`. Passkeys and device keys as
 * standalone functions are in `@handoff/browser/passkeys` and `@handoff/browser/device-keys`,
 * QR codes in `@handoff/browser/qr`.
 *
 * @packageDocumentation
 * @module @handoff/browser
 */
export type { CodeType } from "@handoff/types/core/codes";
export type { HandoffErrorCode } from "@handoff/types/core/errors";
export { HandoffError, isHandoffError } from "@handoff/types/core/errors";
export type { RegisteredDeviceKey } from "@handoff/types/core/registered-device-key";
export type { Session } from "@handoff/types/core/session";
export type { BrowserClientOptions } from "./browser-client-options.js";
export type { BrowserClient } from "./create-browser-client.js";
export { createBrowserClient } from "./create-browser-client.js";
export type {
  AddDeviceKeyOptions,
  DeviceCodeRequested,
  RequestDeviceCodeOptions,
  SignInWithDeviceKeyOptions,
} from "./device-keys/device-key-options.js";
export { waitCode } from "./wait/wait-code.js";
export type { WaitCodeOptions, WaitProgress } from "./wait/wait-code-options.js";
export type { AddDeviceOptions } from "./webauthn/add-device.js";
export type { WebAuthnErrorContext } from "./webauthn/classify-webauthn-error.js";
export type { CompleteAddPasskeyOptions } from "./webauthn/complete-add-passkey.js";
export type { WebAuthnSupport } from "./webauthn/detect-webauthn.js";
export { detectWebAuthn } from "./webauthn/detect-webauthn.js";
export type { SignInOptions, SignInResult } from "./webauthn/sign-in.js";
export type { SignUpOptions } from "./webauthn/sign-up.js";
export type { SignalAcceptedCredentialsOptions, SignalCurrentUserOptions } from "./webauthn/signal-credentials.js";
