/** The client_id of the public device client registered in lib/peers/oidc-provider-server.ts. */
export const OIDC_DEVICE_CLIENT_ID = "bench-device";
