import { importPrivateKey, type PrivateKeyInput } from "../tokens/import-private-key.js";
import { signServiceToken } from "../tokens/sign-service-token.js";
import type { TokenSubject } from "./config.js";

/** Lifetime of every service token, in seconds. */
export const SERVICE_TOKEN_LIFETIME_SECONDS = 60;

/**
 * Returns a signer of service tokens for one client: the private key is imported on the first
 * call only (a key that cannot be imported rejects every call with `invalid_argument`), and
 * each token gets a fresh nonce, `exp` 60 s after `iat`, the scope and the user it is about.
 */
export function createTokenSigner(
  clientId: string,
  privateKey: PrivateKeyInput,
): (subject: TokenSubject) => Promise<string> {
  let key: Promise<CryptoKey> | undefined;
  return async ({ scope, userId, username }) => {
    key ??= importPrivateKey(privateKey);
    return signServiceToken(await key, {
      clientId,
      scope,
      expiresInSeconds: SERVICE_TOKEN_LIFETIME_SECONDS,
      ...(userId === undefined ? {} : { userId }),
      ...(username === undefined ? {} : { username }),
    });
  };
}
