import type { Scope } from "../scopes.js";

/** How a caller proves who it is on an endpoint. */
export type EndpointAuth =
  /** A service token with the endpoint's scope is required. */
  | "service_token"
  /** A service token is optional; when present it must carry the endpoint's scope. */
  | "optional_service_token"
  /** Called by browsers and devices; no token. */
  | "none";

/** One row of the endpoint table. */
export interface EndpointSpec {
  /** HTTP method. */
  readonly method: "GET" | "POST" | "PUT" | "DELETE";
  /** Path template; `{type}` stands for a {@link CodeType}, `{id}` for a user id. */
  readonly path: string;
  /** Scope a service token must carry, or `null` when the endpoint takes none. */
  readonly scope: Scope | null;
  /** Whether the service token is required, optional or not used. */
  readonly auth: EndpointAuth;
  /**
   * How a `POST` body is encoded: `"form"` (`application/x-www-form-urlencoded`, the OAuth
   * endpoints); absent: JSON.
   */
  readonly body?: "form";
}
