import type { ENDPOINTS, EndpointName, endpointPath } from "@handoff/types";
import type { CallOptions } from "../call-options.js";
import type { ServerClient } from "../server-client.js";
import type { Schemas } from "./lazy.js";

/** The contract's endpoints that take a service token (`auth: "service_token"` in `ENDPOINTS`). */
export type ServiceEndpoint = {
  [Name in EndpointName]: (typeof ENDPOINTS)[Name]["auth"] extends "service_token" ? Name : never;
}[EndpointName];

/** The methods of {@link ServerClient} built from the method table; the rest are written by hand. */
export type ServiceMethodName = Exclude<keyof ServerClient, "clientId" | "baseUrl" | "getUserID" | "verifyToken">;

/** A call's arguments, checked and turned into what goes on the wire. */
export interface ServiceRequest {
  /** Placeholders of the endpoint's path (`{type}`), filled by `endpointPath`. */
  params?: Parameters<typeof endpointPath>[1];
  /**
   * The value of the token claim the method binds (see {@link ServiceMethod.binding}); absent:
   * the token is bound to no user.
   */
  subject?: string;
  /** The JSON body, snake_case as on the wire; none for a `GET`. */
  body?: Record<string, unknown>;
  /** The query string's parameters, snake_case as on the wire. */
  query?: Record<string, string>;
  /** The call's `signal` and `timeoutMs`, checked. */
  call: CallOptions;
}

/**
 * One row of the method table: everything that makes one endpoint a typed method. The path,
 * HTTP method and scope are the contract's (`ENDPOINTS`), never restated here.
 */
export interface ServiceMethod<Args extends unknown[], Result> {
  /** The contract endpoint called. */
  readonly endpoint: ServiceEndpoint;
  /** The service token claim naming the user the call is about. */
  readonly binding: "user_id" | "username";
  /**
   * Whether a network error or a 502/503/504 is retried (`RetryOptions`): idempotent reads only,
   * never a call that creates or consumes something (a lost answer would make the retry lie).
   */
  readonly retry: boolean;
  /**
   * Checks the arguments as a plain JavaScript caller may pass them, throwing `HandoffError`
   * `invalid_argument` before anything is sent, and builds the request.
   */
  request(clientId: string, ...args: Args): ServiceRequest;
  /**
   * Validates a 200 body against the contract (`schemas`, loaded on the first call) and converts
   * it to camelCase; `undefined` when it does not match.
   */
  response(data: unknown, schemas: Schemas): Result | undefined;
}

/** The method table's type: one row per method, its arguments and result taken from {@link ServerClient}. */
export type ServiceMethodTable = {
  readonly [Name in ServiceMethodName]: ServiceMethod<
    Parameters<ServerClient[Name]>,
    Awaited<ReturnType<ServerClient[Name]>>
  >;
};

/** A schema of `@handoff/types` (zod), seen only through `safeParse`. */
export interface BodySchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/**
 * A row's `response`: the contract's schema of the 200 body (picked from the schemas, which are
 * loaded on the SDK's first call, not at import), then its wire → camelCase conversion.
 *
 * @example
 * readWith((schemas) => schemas.userProfileSchema, toUserProfile)(data, schemas); // or undefined when off-contract
 */
export function readWith<Wire, Result>(
  schema: (schemas: Schemas) => BodySchema<Wire>,
  convert: (wire: Wire) => Result,
): (data: unknown, schemas: Schemas) => Result | undefined {
  return (data, schemas) => {
    const parsed = schema(schemas).safeParse(data);
    return parsed.success ? convert(parsed.data) : undefined;
  };
}
