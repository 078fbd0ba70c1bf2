import { createBrowserClient } from "@handoff/browser";
import { createServerClient } from "@handoff/server";

// Backend, with the client id and private key `handoff-service create-client` printed.
const handoff = createServerClient({
  baseUrl: "http://127.0.0.1:8787",
  clientId: process.env.HANDOFF_CLIENT_ID ?? "",
  privateKey: process.env.HANDOFF_PRIVATE_KEY_PEM ?? "",
});

// Backend: email an add_credential phrase code to the account's address.
export async function startAddDevice(username: string, sendMail: (to: string, text: string) => Promise<void>) {
  const user = await handoff.getUser(username);
  if (user.verifiedAt === null) {
    // A passkey sign-up made this account and nothing proved the email yet: do not vouch for it
    // with a code of your own. Have the service mail its own code: using that one proves the email
    // (and revokes whatever was registered under it before).
    await fetch(`${handoff.baseUrl}/pwless/signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ client_id: handoff.clientId, email: user.username }),
    });
    return;
  }
  // Verified (your backend created it, or its email was proven): your code, authorized, by your mail.
  const { code, expiresAt } = await handoff.generateCode({
    userId: user.id,
    codeType: "phrase",
    purpose: "add_credential",
    authorize: true,
  });
  await sendMail(username, `Your code to add a device: ${code} (valid until ${expiresAt.toLocaleTimeString()})`);
}

// New device: register a passkey with the code the person typed (either mail's code works).
const client = createBrowserClient({ baseUrl: "http://127.0.0.1:8787", clientId: "your-client-id" });
export async function addThisDevice(username: string, typedCode: string) {
  const session = await client.addDevice({ username, code: typedCode, codeType: "phrase" });
  return session.jwt;
}
