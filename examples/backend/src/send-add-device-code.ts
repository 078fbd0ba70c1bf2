import type { UserProfile } from "@handoff/server";
import type { BackendContext } from "./backend-context.ts";
import type { CodeMailReason } from "./code-mailer.ts";

/**
 * Mails `user` an add-device security code that registers a passkey through `client.addDevice`
 * (seed 003), choosing who sends it by what the account proves:
 *
 * - **verified** (`verifiedAt` set: this backend created it, or its email was proven): this
 *   backend generates an authorized `add_credential` phrase code and mails it itself. Reading
 *   the mailbox is the second factor, and the backend vouches for it.
 * - **unverified** (`verifiedAt` `null`: a passkey sign-up made it, and anyone can sign up as
 *   `victim@example.com`): the backend must not vouch with a code of its own, which the service
 *   cannot tell from one handed to whoever signed up. It has the **service** mail the code
 *   (`/pwless/signup`): using that code proves the email, verifies the account and revokes every
 *   passkey registered under it before.
 *
 * @example
 * await sendAddDeviceCode(context, await context.handoff.getUser("ada@example.com"));
 */
export async function sendAddDeviceCode(
  context: BackendContext,
  user: UserProfile,
  reason: CodeMailReason = "add_device",
): Promise<void> {
  if (user.verifiedAt === null) {
    // "limited" (5 codes per email in 15 minutes): nothing more is mailed, the answer stays the same.
    await context.requestServiceCode(user.username);
    return;
  }
  // authorize: true, because the mailbox is the second factor: whoever reads the code there is
  // the account holder (seed 003). The service then mails "a passkey was added" (NIST 800-63B).
  const { code, expiresAt } = await context.handoff.generateCode({
    userId: user.id,
    codeType: "phrase",
    purpose: "add_credential",
    authorize: true,
  });
  await context.mailer.sendAddDeviceCode({ to: user.username, code, expiresAt, reason });
}
