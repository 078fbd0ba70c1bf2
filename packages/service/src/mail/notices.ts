import type { RevokedCredential } from "../storage/records.js";
import type { Mail } from "./mailer.js";

/** The email carrying a security code. Never logged. */
export function securityCodeMail(to: string, code: string, expiresAt: Date, lifetimeMs: number): Mail {
  const minutes = Math.round(lifetimeMs / 60_000);
  return {
    to,
    subject: "Your security code",
    text: [
      `Your security code is: ${code}`,
      "",
      `Enter it on the device you want to add to your account. It works once and expires in ${minutes} minutes (at ${mailTime(expiresAt)}).`,
      "",
      "If you did not ask for it, ignore this email: nothing changes without the code.",
    ].join("\n"),
  };
}

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });

/** A moment as a person reads it in a mail: "2 December 2026 at 14:05 UTC" (no raw ISO string). */
export function mailTime(date: Date): string {
  return `${timeFormat.format(date)} UTC`;
}

/** What an "added" notice asks of someone who did not add it: the device list lets them remove it. */
const REMOVE_IF_NOT_YOU =
  "If this was not you, sign in and remove it from your account's list of devices, then contact support.";

/** Control characters and surrounding space out of a name a device chose. */
function printable(name: string, fallback: string): string {
  return name.replace(/\p{Cc}+/gu, " ").trim() || fallback;
}

/** The lines that list what an account's first proof of its email revoked (none: no lines). */
function revokedLines(revoked: readonly RevokedCredential[]): string[] {
  if (revoked.length === 0) return [];
  return [
    "You proved this email address for the first time, so every way in that was registered under it before, by anyone, has been removed:",
    ...revoked.map(
      (credential) =>
        `  - ${credential.kind === "passkey" ? "passkey" : "device key"} "${printable(credential.name, "unnamed")}", added ${mailTime(credential.createdAt)}`,
    ),
    "If some of these were yours, add them again from those devices.",
    "",
  ];
}

/**
 * The notice sent when a device key is added (NIST SP 800-63B rev 4: notify on binding), listing
 * the credentials revoked when this proof of the email verified the account.
 */
export function deviceAddedMail(
  to: string,
  deviceInfo: string,
  addedAt: Date,
  revoked: readonly RevokedCredential[] = [],
): Mail {
  const device = printable(deviceInfo, "an unnamed device");
  return {
    to,
    subject: "A new device was added to your account",
    text: [
      `A new device (${device}) was added to your account on ${mailTime(addedAt)}.`,
      "",
      ...revokedLines(revoked),
      REMOVE_IF_NOT_YOU,
    ].join("\n"),
  };
}

/** The notice sent when a passkey is added, listing what a first proof of the email revoked. */
export function passkeyAddedMail(
  to: string,
  name: string,
  addedAt: Date,
  revoked: readonly RevokedCredential[] = [],
): Mail {
  return {
    to,
    subject: "A passkey was added to your account",
    text: [
      `A passkey named "${printable(name, "Passkey")}" was added to your account on ${mailTime(addedAt)}.`,
      "",
      ...revokedLines(revoked),
      REMOVE_IF_NOT_YOU,
    ].join("\n"),
  };
}

/** The notice sent when a passkey or device key is revoked through the credential endpoints. */
export function credentialRevokedMail(to: string, credential: RevokedCredential, revokedAt: Date): Mail {
  const kind = credential.kind === "passkey" ? "passkey" : "device key";
  return {
    to,
    subject: `A ${kind} was removed from your account`,
    text: [
      `The ${kind} "${printable(credential.name, "unnamed")}" (added ${mailTime(credential.createdAt)}) was removed from your account on ${mailTime(revokedAt)}. It can no longer sign in.`,
      "",
      "If this was not you, contact support right away.",
    ].join("\n"),
  };
}
