/** The client_id that lib/peers/better-auth-server.ts's `validateClient` accepts. */
export const BETTER_AUTH_DEVICE_CLIENT_ID = "bench-device";
