import { createServerClient } from "@handoff/server";

// Your backend, with the client id and private key `handoff-service create-client` printed.
export const handoff = createServerClient({
  baseUrl: "http://127.0.0.1:8787",
  clientId: process.env.HANDOFF_CLIENT_ID ?? "",
  privateKey: process.env.HANDOFF_PRIVATE_KEY_PEM ?? "",
});
