import type { ServiceContext } from "../context.js";

/**
 * Logs why a WebAuthn response was refused (the library's reason, cut to 200 characters). The
 * caller answers a generic `verification_failed`, so the reason never reaches the browser.
 */
export function logRefusal(context: ServiceContext, msg: string, error: unknown): void {
  context.options.logger({
    level: "info",
    msg,
    reason: error instanceof Error ? error.message.slice(0, 200) : "unknown",
  });
}
