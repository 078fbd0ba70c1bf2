import { BlockList, isIP } from "node:net";
import { HandoffError } from "@handoff/types";
import type { SmtpOptions } from "./smtp-options.js";

const loopback = new BlockList();
loopback.addSubnet("127.0.0.0", 8, "ipv4");
loopback.addAddress("::1", "ipv6");

/** Whether `host` names this machine: `localhost`, `127.0.0.0/8` or `::1` (brackets allowed). */
function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, "$1");
  if (bare.toLowerCase() === "localhost") return true;
  const family = isIP(bare);
  return family !== 0 && loopback.check(bare, family === 4 ? "ipv4" : "ipv6");
}

/**
 * Checks that the mail options agree: `smtp` and `devOutbox` exclude each other, and
 * `smtp.insecureLocalhost` (no TLS) is only for a relay on this machine.
 *
 * @throws {HandoffError} `invalid_argument` otherwise (the CLI exits 2 on it).
 */
export function checkMailOptions(smtp: SmtpOptions | undefined, devOutbox: boolean): void {
  if (smtp && devOutbox) {
    throw new HandoffError(
      "invalid_argument",
      "smtp (--smtp-host) and devOutbox (--dev-outbox) exclude each other: the dev outbox keeps mail instead of sending it",
    );
  }
  if (!smtp?.insecureLocalhost) return;
  if (smtp.secure) {
    throw new HandoffError(
      "invalid_argument",
      "smtp.secure (--smtp-secure) and smtp.insecureLocalhost (--smtp-insecure-localhost) exclude each other",
    );
  }
  if (!isLoopbackHost(smtp.host)) {
    throw new HandoffError(
      "invalid_argument",
      `smtp.insecureLocalhost (--smtp-insecure-localhost) sends mail without TLS, so it is only allowed for localhost, 127.0.0.1 or ::1, got "${smtp.host}"`,
    );
  }
}
