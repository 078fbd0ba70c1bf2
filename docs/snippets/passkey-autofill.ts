import { createBrowserClient, isHandoffError, type SignInResult } from "@handoff/browser";

const client = createBrowserClient({ baseUrl: "http://127.0.0.1:8787", clientId: "your-client-id" });

/**
 * Offers the site's passkeys in the autofill of `<input autocomplete="username webauthn">` as soon
 * as the page loads; the returned function stops offering them (leaving the page, or a modal
 * sign-in, which replaces the autofill request by itself).
 */
export function offerPasskeyAutofill(onResult: (result: SignInResult) => void): () => void {
  const controller = new AbortController();
  void (async () => {
    if (!(await client.detectWebAuthn()).conditionalMediation) return; // the field stays a plain username field
    try {
      onResult(await client.signIn({ autofill: true, signal: controller.signal }));
    } catch (error) {
      // aborted: we stopped it; webauthn_cancelled: a modal sign-in took over.
      if (isHandoffError(error) && (error.code === "aborted" || error.code === "webauthn_cancelled")) return;
      throw error;
    }
  })();
  return () => controller.abort();
}

/** The "Sign in with a passkey" button: no username needed, the passkey picked names the account. */
export function signInWithPasskey(): Promise<SignInResult> {
  return client.signIn({});
}

/** After listing or revoking devices: the passkey provider hides the passkeys that no longer work. */
export async function afterDevicesChanged(userId: string, username: string, passkeyIds: string[]) {
  await client.signalAcceptedCredentials({ userId, credentialIds: passkeyIds });
  await client.signalCurrentUser({ userId, name: username });
}
