/*
 * The passkey methods of `createBrowserClient`, as one module that the client loads with
 * `import()` on first use. Bundlers put it, and @simplewebauthn/browser's ceremonies, in a chunk
 * of its own that an app fetches only when it calls `signUp`, `signIn` or `addDevice`.
 */
export { runAddDevice } from "./add-device.js";
export { runSignIn } from "./sign-in.js";
export { runSignUp } from "./sign-up.js";
