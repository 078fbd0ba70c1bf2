import { isHandoffError } from "@handoff/server";
import type { BackendApp, BackendContext } from "../backend-context.ts";
import { looksLikeEmail } from "../looks-like-email.ts";
import { readUsername } from "../read-json.ts";
import { sendAddDeviceCode } from "../send-add-device-code.ts";

/** The one answer of `add-device/start`. */
const ANSWER = { sent: true, message: "If an account uses this address, a code is on its way." } as const;

/**
 * Add device (seed 003): `POST /api/add-device/start` mails the account's address a phrase code
 * for `add_credential` — this backend's own for a verified account, the service's for one a
 * passkey sign-up made (see `sendAddDeviceCode`); the new device types it and registers a passkey
 * with `client.addDevice`. The answer is the same whether or not the account exists or is
 * verified.
 */
export function registerAddDeviceRoutes(app: BackendApp, context: BackendContext): void {
  app.post("/api/add-device/start", async (c) => {
    const username = await readUsername(c);
    if (!looksLikeEmail(username)) return c.json(ANSWER);
    try {
      await sendAddDeviceCode(context, await context.handoff.getUser(username));
    } catch (error) {
      if (isHandoffError(error) && error.code === "user_not_found") return c.json(ANSWER);
      throw error;
    }
    return c.json(ANSWER);
  });
}
