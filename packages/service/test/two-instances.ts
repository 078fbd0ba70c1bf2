import type { Scope } from "@handoff/types";
import { importJWK, type JWK, SignJWT } from "jose";
import { afterAll } from "vitest";
import { type LogEntry, type RunningService, type ServiceOptions, startService } from "../src/index.js";
import { TEST_LIMITS } from "./helpers.js";

/** One of two service instances on the same database, with what it logged. */
export interface Instance {
  service: RunningService;
  logs: LogEntry[];
  /** POSTs JSON to this instance, with an optional service token. */
  post(path: string, body: unknown, options?: { token?: string; headers?: Record<string, string> }): Promise<Response>;
}

/** Two instances behind an imaginary load balancer, and one client created through the first. */
export interface TwoInstances {
  one: Instance;
  two: Instance;
  clientId: string;
  origin: string;
  /** Signs a service token of the client (fresh nonce unless `claims` gives one). */
  token(scope: Scope, claims?: Record<string, unknown>): Promise<string>;
  /** Creates a user through `instance` and returns its id. */
  createUser(instance: Instance, username: string): Promise<string>;
}

function instance(service: RunningService, logs: LogEntry[]): Instance {
  return {
    service,
    logs,
    post: (path, body, { token, headers = {} } = {}) =>
      fetch(`${service.url}${path}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: JSON.stringify(body),
      }),
  };
}

/**
 * Starts two instances on `database` at the same time (so they race on migrations and the
 * first signing key, as a real rollout does), closed after the file's tests.
 */
export async function useTwoInstances(database: string, options: ServiceOptions = {}): Promise<TwoInstances> {
  const logs: [LogEntry[], LogEntry[]] = [[], []];
  const [first, second] = await Promise.all(
    logs.map((entries) =>
      startService({ port: 0, logger: (entry) => entries.push(entry), ...TEST_LIMITS, ...options, database }),
    ),
  );
  if (!first || !second) throw new Error("two instances expected");
  afterAll(() => Promise.all([first.close(), second.close()]));
  const one = instance(first, logs[0]);
  const two = instance(second, logs[1]);
  const origin = "http://localhost:5173";
  const client = await first.createClient({ name: "test", origins: [origin] });
  const key = await importJWK(client.privateKey as JWK, "ES256");
  const token = (scope: Scope, claims: Record<string, unknown> = {}) =>
    new SignJWT({ client_id: client.clientId, type: scope, nonce: crypto.randomUUID(), ...claims })
      .setProtectedHeader({ alg: "ES256", typ: "JWT" })
      .setIssuedAt()
      .sign(key);
  const createUser = async (target: Instance, username: string) => {
    const response = await target.post(
      "/api/native/manage/users",
      { username },
      { token: await token("users.create") },
    );
    if (response.status !== 200) throw new Error(`createUser: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { id: string }).id;
  };
  return { one, two, clientId: client.clientId, origin, token, createUser };
}
