import { type RunningService, type ServiceOptions, startService } from "@handoff/service";
import type { JWK } from "jose";
import { afterAll } from "vitest";
import { createServerClient, type ServerClient, type ServerClientOptions } from "../src/index.js";

/** A real Handoff service on a free port (in-memory SQLite) with one client and its server SDK. */
export interface TestService {
  service: RunningService;
  clientId: string;
  privateKey: JWK;
  privateKeyPem: string;
  /** An origin the client allows, for calling the wait as a browser would. */
  origin: string;
  /** The server SDK for this client. */
  handoff: ServerClient;
  /** Another server SDK for this service and client, with other options. */
  client(options?: Partial<ServerClientOptions>): ServerClient;
  /** Creates another client of the same service. */
  otherClient(): Promise<{ clientId: string; privateKey: JWK; handoff: ServerClient }>;
  /** Calls the wait as the new device does (raw fetch, no token, the allowed origin). */
  wait(
    username: string,
    code: string,
    codeType: string,
    options?: { clientId?: string; signal?: AbortSignal },
  ): Promise<Response>;
}

/** Starts a service for the test file, closed after all its tests. */
export async function useService(options: ServiceOptions = {}): Promise<TestService> {
  const service = await startService({ port: 0, database: ":memory:", logger: false, ...options });
  afterAll(() => service.close());
  const origin = "http://localhost:5173";
  const created = await service.createClient({ name: "server-sdk-test", origins: [origin] });
  const privateKey = created.privateKey as JWK;
  const client = (extra: Partial<ServerClientOptions> = {}) =>
    createServerClient({ baseUrl: service.url, clientId: created.clientId, privateKey, ...extra });
  return {
    service,
    clientId: created.clientId,
    privateKey,
    privateKeyPem: created.privateKeyPem as string,
    origin,
    handoff: client(),
    client,
    async otherClient() {
      const other = await service.createClient({ name: "other", origins: [origin] });
      const key = other.privateKey as JWK;
      return {
        clientId: other.clientId,
        privateKey: key,
        handoff: createServerClient({ baseUrl: service.url, clientId: other.clientId, privateKey: key }),
      };
    },
    wait(username, code, codeType, { clientId = created.clientId, signal } = {}) {
      return fetch(`${service.url}/api/native/authenticate/code/wait`, {
        method: "POST",
        headers: { "content-type": "application/json", origin },
        body: JSON.stringify({
          client_id: clientId,
          username,
          authentication_code: { code, type: codeType },
        }),
        ...(signal ? { signal } : {}),
      });
    },
  };
}
