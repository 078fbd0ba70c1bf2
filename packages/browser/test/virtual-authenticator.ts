import { cdp } from "vitest/browser";

/** Options of a platform passkey authenticator: CTAP2, internal, resident keys, user verification. */
export const PLATFORM_AUTHENTICATOR = {
  protocol: "ctap2",
  transport: "internal",
  hasResidentKey: true,
  hasUserVerification: true,
  isUserVerified: true,
  automaticPresenceSimulation: true,
} as const;

/**
 * Adds a CDP virtual platform authenticator to the test page (WebAuthn enabled first) and
 * returns its id. Remove it with `cdp().send("WebAuthn.removeVirtualAuthenticator", …)`, and
 * call `WebAuthn.disable` when done: the setting applies to the whole tab.
 */
export async function addVirtualAuthenticator(): Promise<string> {
  await cdp().send("WebAuthn.enable", { enableUI: false });
  const { authenticatorId } = (await cdp().send("WebAuthn.addVirtualAuthenticator", {
    options: PLATFORM_AUTHENTICATOR,
  })) as { authenticatorId: string };
  return authenticatorId;
}

/**
 * The test device's authenticator, one at a time: `fresh()` replaces it with a new one that holds
 * no passkey, `count()` says how many passkeys it holds, `remove()` takes it away (call it after
 * each test).
 */
export function deviceAuthenticator() {
  let authenticatorId: string | undefined;
  const remove = async () => {
    if (authenticatorId) await cdp().send("WebAuthn.removeVirtualAuthenticator", { authenticatorId });
    authenticatorId = undefined;
  };
  return {
    remove,
    async fresh(): Promise<void> {
      await remove();
      authenticatorId = await addVirtualAuthenticator();
    },
    async count(): Promise<number> {
      if (!authenticatorId) return 0;
      const { credentials } = (await cdp().send("WebAuthn.getCredentials", { authenticatorId })) as {
        credentials: unknown[];
      };
      return credentials.length;
    },
  };
}
