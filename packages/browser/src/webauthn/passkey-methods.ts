/*
 * The passkey methods of `createBrowserClient`, as one module that the client loads with
 * `import()` on first use. Bundlers put it, and @simplewebauthn/browser's ceremonies, in a chunk
 * of its own that an app fetches only when it calls `signUp`, `signIn`, `addDevice`,
 * `completeAddPasskey` or a signal method.
 */
export { runAddDevice } from "./add-device.js";
export { runCompleteAddPasskey } from "./complete-add-passkey.js";
export { runSignIn } from "./sign-in.js";
export { runSignUp } from "./sign-up.js";
export { signalAcceptedCredentials, signalCurrentUser } from "./signal-credentials.js";
