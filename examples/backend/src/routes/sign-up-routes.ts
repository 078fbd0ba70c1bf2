import { isHandoffError, type UserProfile } from "@handoff/server";
import { ApiError } from "../api-error.ts";
import type { BackendApp, BackendContext } from "../backend-context.ts";
import { looksLikeEmail } from "../looks-like-email.ts";
import { readUsername } from "../read-json.ts";
import { sendAddDeviceCode } from "../send-add-device-code.ts";

/** The one answer of `sign-up/start`, for a new address and a taken one alike. */
const ANSWER = { sent: true, message: "A code is on its way to this address." } as const;

/**
 * Create an account, proving the email first: `POST /api/sign-up/start` creates the user with
 * `createUser` — verified from the start (this backend vouches), with no credential yet — and
 * mails it an add-device code; the page then registers the first passkey with
 * `client.addDevice`, like adding a device. Whoever cannot read the mailbox gets nothing but an
 * empty account they cannot enter.
 *
 * A passkey sign-up (`client.signUp`) would make an **unverified** account instead: the first
 * proof of its email (adding a device later) revokes that first passkey.
 *
 * An address that already has an account gets the same answer and the add-device mail (what its
 * owner needs anyway: the code adds this device). So the answer never tells whether the account
 * existed.
 */
export function registerSignUpRoutes(app: BackendApp, context: BackendContext): void {
  app.post("/api/sign-up/start", async (c) => {
    const username = await readUsername(c);
    if (!looksLikeEmail(username)) throw new ApiError(400, "invalid_email", "Type an email address.");
    const created = await createIfNew(context, username);
    if (created) await sendAddDeviceCode(context, created, "sign_up");
    else await sendAddDeviceCode(context, await context.handoff.getUser(username));
    return c.json(ANSWER);
  });
}

/** The new user, or `undefined` when the username is taken. */
async function createIfNew(context: BackendContext, username: string): Promise<UserProfile | undefined> {
  try {
    return await context.handoff.createUser(username);
  } catch (error) {
    if (isHandoffError(error) && error.code === "user_exists") return undefined;
    throw error;
  }
}
