/**
 * Device keys as standalone functions, for browsers without passkeys (`docs/contract.md#add-device`): ask for an
 * emailed security code, add this browser with a non-extractable WebCrypto key kept in IndexedDB,
 * and sign in with it. The client of `@handoff/browser` loads the same code on first use; import
 * it from here to call it without a client, or to bundle it up front.
 *
 * @packageDocumentation
 * @module @handoff/browser/device-keys
 */
export type { RegisteredDeviceKey } from "@handoff/types/core/registered-device-key";
export type { Session } from "@handoff/types/core/session";
export type { BrowserClientOptions } from "../browser-client-options.js";
export { addDeviceKey } from "./add-device-key.js";
export type {
  AddDeviceKeyOptions,
  DeviceCodeRequested,
  RequestDeviceCodeOptions,
  SignInWithDeviceKeyOptions,
} from "./device-key-options.js";
export { requestDeviceCode } from "./request-device-code.js";
export { signInWithDeviceKey } from "./sign-in-with-device-key.js";
