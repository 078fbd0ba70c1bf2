export type { HandoffErrorCode, Session } from "@handoff/types";
export { HandoffError, isHandoffError } from "@handoff/types";
export type { BrowserClient, BrowserClientOptions } from "./create-browser-client.js";
export { createBrowserClient } from "./create-browser-client.js";
export type { WebAuthnSupport } from "./webauthn/detect-webauthn.js";
export { detectWebAuthn } from "./webauthn/detect-webauthn.js";
