import { HandoffError } from "@handoff/types/core/errors";
import { browserSupportsWebAuthn, WebAuthnAbortService } from "@simplewebauthn/browser";
import { classifyWebAuthnError } from "./classify-webauthn-error.js";

/** Throws `webauthn_unsupported` before anything is sent when this browser has no WebAuthn. */
export function assertWebAuthnAvailable(): void {
  if (!browserSupportsWebAuthn()) {
    throw new HandoffError("webauthn_unsupported", "This browser cannot use passkeys (or the page is not secure).");
  }
}

/**
 * Runs one WebAuthn ceremony (`startRegistration` / `startAuthentication`): the caller's signal
 * cancels the prompt, and every failure becomes a classified {@link HandoffError}.
 */
export async function runCeremony<T>(
  ceremony: "registration" | "authentication",
  start: () => Promise<T>,
  options: { signal?: AbortSignal | undefined; timeoutMs?: number | undefined },
): Promise<T> {
  const { signal, timeoutMs } = options;
  if (signal?.aborted) throw new HandoffError("aborted");
  const cancel = () => WebAuthnAbortService.cancelCeremony();
  signal?.addEventListener("abort", cancel, { once: true });
  const started = Date.now();
  try {
    return await start();
  } catch (error) {
    throw classifyWebAuthnError(error, { ceremony, signal, elapsedMs: Date.now() - started, timeoutMs });
  } finally {
    signal?.removeEventListener("abort", cancel);
  }
}
