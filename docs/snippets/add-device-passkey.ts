import { createBrowserClient } from "@handoff/browser";
import { handoff } from "./server-client.js";

// Backend: generate an authorized add_credential phrase code and email it (your mailer).
export async function startAddDevice(username: string, sendMail: (to: string, text: string) => Promise<void>) {
  const { id: userId } = await handoff.getUser(username);
  const { code, expiresAt } = await handoff.generateCode({
    userId,
    codeType: "phrase",
    purpose: "add_credential",
    authorize: true,
  });
  await sendMail(username, `Your code to add a device: ${code} (valid until ${expiresAt.toLocaleTimeString()})`);
}

// New device: register a passkey with the code the person typed.
const client = createBrowserClient({ baseUrl: "http://127.0.0.1:8787", clientId: "your-client-id" });
export async function addThisDevice(username: string, typedCode: string) {
  const session = await client.addDevice({ username, code: typedCode, codeType: "phrase" });
  return session.jwt;
}
