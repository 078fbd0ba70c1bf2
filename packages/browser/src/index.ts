export type { WebAuthnSupport } from "./webauthn/detect-webauthn.js";
export { detectWebAuthn } from "./webauthn/detect-webauthn.js";
