import type { Scope } from "@handoff/types";
import { importJWK, type JWK, SignJWT } from "jose";
import { afterAll } from "vitest";
import { type RunningService, type ServiceOptions, startService } from "../src/index.js";

/** A service on a free port with one client, and a way to call it as that client's backend. */
export interface TestService {
  service: RunningService;
  clientId: string;
  privateKey: JWK;
  privateKeyPem: string;
  origin: string;
  /** Signs a service token; `claims` overrides or adds claims. */
  token(scope: Scope, claims?: Record<string, unknown>): Promise<string>;
  /** POSTs JSON with an optional service token. */
  post(path: string, body: unknown, options?: { token?: string; headers?: Record<string, string> }): Promise<Response>;
  /** Creates a user and returns its id. */
  createUser(username: string): Promise<string>;
}

/**
/**
 * Every test device calls from 127.0.0.1, so one test file's wrong codes would add up under one
 * address: the per-address limit is raised here, and the tests of that limit set their own.
 */
export const TEST_LIMITS: ServiceOptions = {
  maxFailedAttemptsPerAddress: 10_000,
  maxFailedAttemptsPerAddressAndUser: 10_000,
  maxSignupsPerAddress: 10_000,
  maxPasskeyInitsPerAddress: 10_000,
};

/**
 * Starts a service for the test file, closed after all its tests. Mail goes to the dev outbox
 * (`service.outbox`) unless `options` configures SMTP or sets `devOutbox: false`.
 */
export async function useService(options: ServiceOptions = {}): Promise<TestService> {
  const service = await startService({
    port: 0,
    database: ":memory:",
    logger: false,
    devOutbox: options.smtp === undefined,
    ...TEST_LIMITS,
    ...options,
  });
  afterAll(() => service.close());
  const origin = "http://localhost:5173";
  const client = await service.createClient({ name: "test", origins: [origin] });
  const privateKey = client.privateKey as JWK;
  const key = await importJWK(privateKey, "ES256");
  const token = async (scope: Scope, claims: Record<string, unknown> = {}) =>
    new SignJWT({ client_id: client.clientId, type: scope, nonce: crypto.randomUUID(), ...claims })
      .setProtectedHeader({ alg: "ES256", typ: "JWT" })
      .setIssuedAt(typeof claims.iat === "number" ? claims.iat : Math.floor(Date.now() / 1000))
      .sign(key);
  const post = (
    path: string,
    body: unknown,
    { token: bearer, headers = {} }: { token?: string; headers?: Record<string, string> } = {},
  ) =>
    fetch(`${service.url}${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        ...headers,
      },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  const createUser = async (username: string) => {
    const response = await post("/api/native/manage/users", { username }, { token: await token("users.create") });
    if (response.status !== 200) throw new Error(`createUser: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { id: string }).id;
  };
  return {
    service,
    clientId: client.clientId,
    privateKey,
    privateKeyPem: client.privateKeyPem as string,
    origin,
    token,
    post,
    createUser,
  };
}
