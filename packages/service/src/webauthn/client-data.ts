import { challengeSchema } from "@handoff/types";
import { fail } from "../http/fail.js";

/**
 * Reads the challenge out of a credential's `clientDataJSON` (base64url of the JSON the browser
 * built and the authenticator signed over), so the ceremony can be found without trusting any
 * other field. The full client data (type, origin, challenge) is verified afterwards by
 * @simplewebauthn/server.
 *
 * @throws `verification_failed` when the client data is not JSON with a well-formed challenge.
 */
export function challengeFromClientData(clientDataJSON: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(clientDataJSON, "base64url").toString("utf8"));
  } catch {
    throw fail("verification_failed", "The credential's client data is not valid JSON.");
  }
  const challenge =
    typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>).challenge : undefined;
  const result = challengeSchema.safeParse(challenge);
  if (!result.success) throw fail("verification_failed", "The credential's client data has no valid challenge.");
  return result.data;
}
