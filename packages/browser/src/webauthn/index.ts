/**
 * Passkeys as standalone functions: sign up, sign in (by username, username-less or from
 * autofill, with the "no passkey on this device" fallback), add this device (with a code, or
 * with options your backend started), the WebAuthn Signal API helpers, and the classification
 * of WebAuthn errors. The client of
 * `@handoff/browser` loads the same code on first use; import it from here to call it without a
 * client, or to bundle it up front.
 *
 * @packageDocumentation
 * @module @handoff/browser/passkeys
 */
export type { Session } from "@handoff/types/core/session";
export type { BrowserClientOptions } from "../browser-client-options.js";
export type { AddDeviceOptions } from "./add-device.js";
export { addDevice } from "./add-device.js";
export type { WebAuthnErrorContext } from "./classify-webauthn-error.js";
export { classifyWebAuthnError } from "./classify-webauthn-error.js";
export type { CompleteAddPasskeyOptions } from "./complete-add-passkey.js";
export { completeAddPasskey } from "./complete-add-passkey.js";
export type { SignInOptions, SignInResult } from "./sign-in.js";
export { NO_CREDENTIAL_NEXT, signIn } from "./sign-in.js";
export type { SignUpOptions } from "./sign-up.js";
export { signUp } from "./sign-up.js";
export type {
  SignalAcceptedCredentialsOptions,
  SignalCurrentUserOptions,
  SignalUnknownCredentialOptions,
} from "./signal-credentials.js";
export { signalAcceptedCredentials, signalCurrentUser, signalUnknownCredential } from "./signal-credentials.js";
