#!/usr/bin/env node
import { signIn } from "./sign-in.ts";

/*
 * The example terminal app: `HANDOFF_URL=http://127.0.0.1:8787 HANDOFF_CLIENT_ID=… npm start`.
 * Create its client with `handoff-service create-client --name cli --verification-uri <your page>`.
 */
const issuer = process.env.HANDOFF_URL;
const clientId = process.env.HANDOFF_CLIENT_ID;
if (!issuer || !clientId) {
  console.error("Set HANDOFF_URL (the service) and HANDOFF_CLIENT_ID (a client with --verification-uri).");
  process.exit(2);
}
const controller = new AbortController();
process.once("SIGINT", () => controller.abort());
try {
  const { userId, expiresAt } = await signIn({
    issuer,
    clientId,
    allowHttp: new URL(issuer).protocol === "http:",
    signal: controller.signal,
  });
  console.log(`Signed in as ${userId} until ${expiresAt.toLocaleTimeString()}.`);
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error);
  console.error(`Not signed in: ${reason}`);
  process.exit(1);
}
