import type { CallOptions } from "../call-options.js";

/**
 * What `listCredentials` takes.
 *
 * @example
 * const options: ListCredentialsOptions = { userId };
 */
export interface ListCredentialsOptions extends CallOptions {
  /** The user whose passkeys and device keys are listed (the `sub` of their verified JWT). */
  userId: string;
}

/**
 * What `renameCredential` takes.
 *
 * @example
 * const options: RenameCredentialOptions = { userId, credentialId: credential.id, name: "Work laptop" };
 */
export interface RenameCredentialOptions extends CallOptions {
  /** The user the credential belongs to. */
  userId: string;
  /** The credential's `id`, as `listCredentials` returns it. */
  credentialId: string;
  /** Its new name: 1–128 characters, no control characters. */
  name: string;
}

/**
 * What `revokeCredential` takes.
 *
 * @example
 * const options: RevokeCredentialOptions = { userId, credentialId: credential.id };
 */
export interface RevokeCredentialOptions extends CallOptions {
  /** The user the credential belongs to. */
  userId: string;
  /** The credential's `id`, as `listCredentials` returns it. */
  credentialId: string;
  /**
   * Also revoke the user's last passkey or device key, leaving them only one-time codes and add
   * device by email. Default: `false` (the last one is refused with `last_credential`).
   */
  force?: boolean;
}

/**
 * What `startAddPasskey` takes.
 *
 * @example
 * const options: StartAddPasskeyOptions = { userId };
 */
export interface StartAddPasskeyOptions extends CallOptions {
  /** The signed-in user the passkey is for (the `sub` of their verified JWT). */
  userId: string;
}
