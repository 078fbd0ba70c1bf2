import { HandoffError } from "@handoff/types";
import type { DeviceGrantSettings } from "../storage/records.js";

/** How a client is set up for the device authorization grant (`createClient`'s `deviceGrant`). */
export interface DeviceGrantOptions {
  /**
   * The client's own page where a signed-in user types the user code (`verification_uri`):
   * `https:`, or `http:` on `localhost` / a loopback address (development); no fragment. The
   * service adds `?user_code=…` for `verification_uri_complete`.
   */
  verificationUri: string;
  /**
   * `"none"` for a public client (a CLI or TV app, which cannot keep a secret, sends only its
   * `client_id`), or `"private_key_jwt"` (it signs an assertion with the client's ES256 key,
   * RFC 7523). Default: `"none"`.
   */
  tokenEndpointAuthMethod?: "none" | "private_key_jwt";
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Checks device grant options and returns the settings to store.
 *
 * @throws {HandoffError} `invalid_argument` for a verification URI that is not an absolute
 * `https:` URL (or `http:` on a loopback host), has a fragment, or an unknown auth method.
 * @example
 * deviceGrantSettings({ verificationUri: "https://app.example/device" });
 */
export function deviceGrantSettings(options: DeviceGrantOptions): DeviceGrantSettings {
  let url: URL;
  try {
    url = new URL(options.verificationUri);
  } catch {
    throw new HandoffError("invalid_argument", "deviceGrant.verificationUri must be an absolute URL.");
  }
  const secure = url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.has(url.hostname));
  if (!secure || url.hash !== "" || url.username !== "" || url.password !== "") {
    throw new HandoffError(
      "invalid_argument",
      "deviceGrant.verificationUri must be https (http only on localhost), without a fragment or credentials.",
    );
  }
  const method = options.tokenEndpointAuthMethod ?? "none";
  if (method !== "none" && method !== "private_key_jwt") {
    throw new HandoffError(
      "invalid_argument",
      'deviceGrant.tokenEndpointAuthMethod must be "none" or "private_key_jwt".',
    );
  }
  return { verificationUri: url.href, tokenEndpointAuthMethod: method };
}
