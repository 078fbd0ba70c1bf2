import type { Mail } from "../mail/mailer.js";

/** The email carrying a security code. Never logged. */
export function securityCodeMail(to: string, code: string, expiresAt: Date, lifetimeMs: number): Mail {
  const minutes = Math.round(lifetimeMs / 60_000);
  return {
    to,
    subject: "Your security code",
    text: [
      `Your security code is: ${code}`,
      "",
      `Enter it on the device you want to add to your account. It works once and expires in ${minutes} minutes (at ${expiresAt.toISOString()}).`,
      "",
      "If you did not ask for it, ignore this email: nothing changes without the code.",
    ].join("\n"),
  };
}

/** The notice sent when a device key is added (NIST SP 800-63B rev 4: notify on binding). */
export function deviceAddedMail(to: string, deviceInfo: string, addedAt: Date): Mail {
  const device = deviceInfo.replace(/\p{Cc}+/gu, " ").trim() || "an unnamed device";
  return {
    to,
    subject: "A new device was added to your account",
    text: [
      `A new device (${device}) was added to your account at ${addedAt.toISOString()}.`,
      "",
      "If this was not you, contact support right away.",
    ].join("\n"),
  };
}
