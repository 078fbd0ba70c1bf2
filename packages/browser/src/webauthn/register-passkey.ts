import type { EndpointSpec } from "@handoff/types/core/endpoints";
import type { Session } from "@handoff/types/core/session";
import { type PublicKeyCredentialCreationOptionsJSON, startRegistration } from "@simplewebauthn/browser";
import type { BrowserClientConfig } from "../internal/config.js";
import { parseSession } from "../internal/parse-session.js";
import { request } from "../internal/request.js";
import { parseCreationOptions } from "./parse-options.js";
import { runCeremony } from "./run-ceremony.js";

/** One registration ceremony: which init/complete pair, and what init takes. */
export interface PasskeyRegistration {
  /** The init endpoint (`FIDO2_REGISTER_INIT_ENDPOINT` or `FIDO2_ADD_CREDENTIAL_INIT_ENDPOINT`). */
  init: EndpointSpec;
  /** The matching complete endpoint. */
  complete: EndpointSpec;
  /** Body of the init call (the username, and for add device the code). */
  initBody: Record<string, unknown>;
  username: string;
  credentialName: string | undefined;
  signal: AbortSignal | undefined;
}

/**
 * Registers a passkey on this device through an init/complete pair (sign-up and add device
 * share it): creation options from the service, then {@link createAndComplete}.
 */
export async function registerPasskey(
  config: BrowserClientConfig,
  registration: PasskeyRegistration,
): Promise<Session> {
  const { init, initBody, ...rest } = registration;
  const { signal } = rest;
  const optionsJSON = await request(config, { endpoint: init, body: initBody, validate: parseCreationOptions, signal });
  return createAndComplete(config, { ...rest, optionsJSON });
}

/** The second half of a registration: the options in hand, which complete endpoint takes the credential. */
export interface PasskeyCompletion {
  complete: EndpointSpec;
  optionsJSON: PublicKeyCredentialCreationOptionsJSON;
  username: string;
  credentialName: string | undefined;
  signal: AbortSignal | undefined;
}

/**
 * Runs `navigator.credentials.create()` with creation options already obtained (from the
 * service's init, or from the backend's `startAddPasskey`) and sends the new credential to the
 * complete endpoint, which answers the session.
 */
export async function createAndComplete(config: BrowserClientConfig, completion: PasskeyCompletion): Promise<Session> {
  const { complete, optionsJSON, username, credentialName, signal } = completion;
  const credential = await runCeremony("registration", () => startRegistration({ optionsJSON }), {
    signal,
    timeoutMs: optionsJSON.timeout,
  });
  return request(config, {
    endpoint: complete,
    body: {
      client_id: config.clientId,
      username,
      credential,
      ...(credentialName === undefined ? {} : { credential_name: credentialName }),
    },
    validate: parseSession,
    signal,
  });
}
