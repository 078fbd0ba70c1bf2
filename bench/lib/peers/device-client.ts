/** The device client both peers' servers register, and the RFC 8628 grant it redeems with. */

/** The client_id of the public device client (oidc-provider's client, better-auth's `validateClient`). */
export const DEVICE_CLIENT_ID = "bench-device";

/** RFC 8628 §3.4: the `grant_type` of a device code redemption. */
export const DEVICE_CODE_GRANT_TYPE = "urn:ietf:params:oauth:grant-type:device_code";
