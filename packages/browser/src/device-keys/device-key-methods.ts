/*
 * The device-key methods of `createBrowserClient`, as one module that the client loads with
 * `import()` on first use. Bundlers put it in a chunk of its own that an app fetches only when it
 * calls `requestDeviceCode`, `addDeviceKey` or `signInWithDeviceKey`.
 */
export { runAddDeviceKey } from "./add-device-key.js";
export { runRequestDeviceCode } from "./request-device-code.js";
export { runSignInWithDeviceKey } from "./sign-in-with-device-key.js";
