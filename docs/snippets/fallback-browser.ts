import { createBrowserClient } from "@handoff/browser";

const client = createBrowserClient({ baseUrl: "http://127.0.0.1:8787", clientId: "your-client-id" });

// Try the passkey first; on "no credential on this device", offer the two ways in.
export async function signIn(username: string) {
  const support = await client.detectWebAuthn();
  if (!support.webauthn) return { offer: ["use_once"] as const };
  const result = await client.signIn({ username });
  if (result.status === "authenticated") return { jwt: result.session.jwt };
  return { offer: result.next }; // ["add_device", "use_once"]
}
