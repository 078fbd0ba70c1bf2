import { isHandoffError } from "@handoff/server";
import type { BackendApp, BackendContext } from "../backend-context.ts";
import { readUsername } from "../read-json.ts";

/** Usernames the code can be mailed to. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Add device (seed 003): `POST /api/add-device/start` generates an authorized `add_credential`
 * phrase code and mails it to the account's address; the new device types it and registers a
 * passkey with `client.addDevice`. The answer is the same whether or not the account exists.
 */
export function registerAddDeviceRoutes(app: BackendApp, context: BackendContext): void {
  app.post("/api/add-device/start", async (c) => {
    const username = await readUsername(c);
    const answer = { sent: true, message: "If an account uses this address, a code is on its way." };
    if (!EMAIL.test(username)) return c.json(answer);
    let userId: string;
    try {
      userId = (await context.handoff.getUser(username)).id;
    } catch (error) {
      if (isHandoffError(error) && error.code === "user_not_found") return c.json(answer);
      throw error;
    }
    // authorize: true, because the mailbox is the second factor: whoever reads the code there is
    // the account holder (seed 003). The service then mails "a passkey was added" (NIST 800-63B).
    const { code, expiresAt } = await context.handoff.generateCode({
      userId,
      codeType: "phrase",
      purpose: "add_credential",
      authorize: true,
    });
    await context.mailer.sendAddDeviceCode({ to: username, code, expiresAt });
    return c.json(answer);
  });
}
