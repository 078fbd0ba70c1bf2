import { renderQrToText } from "@handoff/browser/qr";
import * as oauth from "openid-client";

/** What `signIn` takes. */
export interface SignInOptions {
  /** The Handoff service's URL (its `issuer`), e.g. `https://handoff.example.com`. */
  issuer: string;
  /** The client id your backend was created with (`create-client --verification-uri …`). */
  clientId: string;
  /** Scopes to ask for. Default: `"openid"` (an ID token comes with the access token). */
  scope?: string;
  /** Where the instructions go, one call per line. Default: `console.log`. */
  print?: (line: string) => void;
  /** Allow `http:` (a local service). Default: `false`. */
  allowHttp?: boolean;
  /** Stops waiting (Ctrl-C). */
  signal?: AbortSignal;
}

/** The signed-in user, as the tokens say. */
export interface SignedIn {
  /** The user's id (`sub`). */
  userId: string;
  /** The access token: send it as `Authorization: Bearer …` to your backend, which verifies it. */
  accessToken: string;
  /** When the access token expires. */
  expiresAt: Date;
}

/**
 * Signs in on a device that cannot show a browser (a CLI, a TV): discovers the service (RFC
 * 8414), starts a device authorization (RFC 8628), prints the user code, the page to type it on
 * and a QR code of that page with the code, and polls until the user approves on a device where
 * they are signed in. A stock OAuth client (openid-client) does all of it: no Handoff SDK.
 *
 * @throws openid-client's errors: `ResponseBodyError` with `error` `access_denied` (the user
 * said no) or `expired_token` (nobody approved in time).
 *
 * @example
 * const { userId, accessToken } = await signIn({ issuer: "https://handoff.example.com", clientId });
 */
export async function signIn(options: SignInOptions): Promise<SignedIn> {
  const { issuer, clientId, scope = "openid", print = console.log, allowHttp = false, signal } = options;
  const config = await oauth.discovery(new URL(issuer), clientId, undefined, oauth.None(), {
    algorithm: "oauth2",
    ...(allowHttp ? { execute: [oauth.allowInsecureRequests] } : {}),
  });
  const started = await oauth.initiateDeviceAuthorization(config, { scope });
  const link = started.verification_uri_complete ?? started.verification_uri;
  print(`To sign in, open ${started.verification_uri} on a device where you are signed in`);
  print(`and enter the code ${started.user_code} — or scan this QR code:`);
  print("");
  print(renderQrToText(link, { margin: 2 }));
  print("");
  print(`Waiting for approval (the code expires in ${Math.round(started.expires_in / 60)} minutes)…`);
  const tokens = await oauth.pollDeviceAuthorizationGrant(config, started, undefined, signal ? { signal } : {});
  const claims = tokens.claims();
  const userId = claims?.sub ?? "";
  return {
    userId,
    accessToken: tokens.access_token,
    expiresAt: new Date(Date.now() + (tokens.expiresIn() ?? 0) * 1000),
  };
}
