/**
 * @packageDocumentation
 * @module @handoff/browser
 */
export type { CodeType, HandoffErrorCode, RegisteredDeviceKey, Session } from "@handoff/types";
export { HandoffError, isHandoffError } from "@handoff/types";
export type { BrowserClient, BrowserClientOptions } from "./create-browser-client.js";
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
export { addDevice } from "./webauthn/add-device.js";
export type { WebAuthnErrorContext } from "./webauthn/classify-webauthn-error.js";
export { classifyWebAuthnError } from "./webauthn/classify-webauthn-error.js";
export type { WebAuthnSupport } from "./webauthn/detect-webauthn.js";
export { detectWebAuthn } from "./webauthn/detect-webauthn.js";
export type { SignInOptions, SignInResult } from "./webauthn/sign-in.js";
export { NO_CREDENTIAL_NEXT, signIn } from "./webauthn/sign-in.js";
export type { SignUpOptions } from "./webauthn/sign-up.js";
export { signUp } from "./webauthn/sign-up.js";
