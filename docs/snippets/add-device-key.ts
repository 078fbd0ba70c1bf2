import { createBrowserClient } from "@handoff/browser";

const client = createBrowserClient({ baseUrl: "http://127.0.0.1:8787", clientId: "your-client-id" });

// Seed 003 on a device without passkeys: an emailed security code, then a key pair.
export async function addDeviceKey(email: string, askForCode: () => Promise<string>) {
  const { securityNonce } = await client.requestDeviceCode({ email }); // POST /pwless/signup
  const securityCode = await askForCode(); // e.g. "mouse132" from the email
  await client.addDeviceKey({ email, securityCode, securityNonce }); // POST /pwless/devices
  const session = await client.signInWithDeviceKey({ email }); // later sign-ins: this line alone
  return session.jwt;
}
