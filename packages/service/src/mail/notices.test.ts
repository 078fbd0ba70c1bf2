import { describe, expect, it } from "vitest";
import { credentialRevokedMail, deviceAddedMail, mailTime, passkeyAddedMail, securityCodeMail } from "./notices.js";

const at = new Date("2026-12-02T14:05:09.123Z");
const isoTime = /\d{4}-\d\d-\d\dT\d\d:\d\d/;

describe("notices", () => {
  it("write times as people read them, in UTC", () => {
    expect(mailTime(at)).toBe("2 December 2026 at 14:05 UTC");
  });

  it("never show a raw ISO time", () => {
    const revoked = [{ kind: "passkey" as const, id: "p1", name: "Old phone", createdAt: at }];
    const mails = [
      securityCodeMail("a@example.com", "mouse132", at, 600_000),
      deviceAddedMail("a@example.com", "Chrome on Linux", at, revoked),
      passkeyAddedMail("a@example.com", "Laptop", at, revoked),
      credentialRevokedMail("a@example.com", { kind: "device_key", id: "k1", name: "Tablet", createdAt: at }, at),
    ];
    for (const mail of mails) {
      expect(mail.text).not.toMatch(isoTime);
      expect(mail.text).toContain("2 December 2026 at 14:05 UTC");
    }
  });

  it("tell the holder of an added credential where to remove it", () => {
    for (const mail of [
      deviceAddedMail("a@example.com", "Phone", at),
      passkeyAddedMail("a@example.com", "Phone", at),
    ]) {
      expect(mail.text).toContain("remove it from your account's list of devices");
    }
  });
});
