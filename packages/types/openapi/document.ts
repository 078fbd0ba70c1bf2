/**
 * Builds docs/openapi.json (OpenAPI 3.1) from the zod schemas, so the rendered contract can
 * never drift from what the packages validate. `openapi.test.ts` compares it with the committed
 * file; `pnpm openapi` rewrites it.
 */
import * as z from "zod/mini";
import type { EndpointName } from "../src/index.js";
import {
  authenticationResponseSchema,
  authorizeCodeRequestSchema,
  authorizeCodeResponseSchema,
  codeTypeSchema,
  deleteUserResponseSchema,
  deviceLoginCompleteRequestSchema,
  deviceLoginInitRequestSchema,
  deviceLoginInitResponseSchema,
  ENDPOINTS,
  errorBodySchema,
  generateCodeRequestSchema,
  generateCodeResponseSchema,
  invalidateCodesRequestSchema,
  invalidateCodesResponseSchema,
  listPendingCodesRequestSchema,
  listPendingCodesResponseSchema,
  pwlessDevicesRequestSchema,
  pwlessDevicesResponseSchema,
  pwlessSignupRequestSchema,
  pwlessSignupResponseSchema,
  SERVICE_ERROR_CODES,
  userProfileSchema,
  userRequestSchema,
  waitCodeRequestSchema,
} from "../src/index.js";
import {
  addCredentialInitRequestSchema,
  authenticateCompleteRequestSchema,
  authenticateInitRequestSchema,
  authenticationOptionsResponseSchema,
  registerInitRequestSchema,
  registrationCompleteRequestSchema,
  registrationOptionsResponseSchema,
} from "../src/webauthn.js";
import { credentialOperations } from "./credential-operations.js";
import {
  deviceAuthorizationOperations,
  OAUTH_ENDPOINT_NAMES,
  type OAuthEndpointName,
  oauthErrorComponent,
  oauthPaths,
} from "./device-grant-operations.js";
import { bodyErrors, type Operation, tokenErrors } from "./operation.js";
import { operationalPaths } from "./operational-paths.js";

type Schema = z.ZodMiniType;

const operations: Record<Exclude<EndpointName, OAuthEndpointName>, Operation> = {
  createUser: {
    summary: "Create a user without credentials",
    request: userRequestSchema,
    response: userProfileSchema,
    errors: [...bodyErrors, ...tokenErrors, "user_exists"],
  },
  retrieveUser: {
    summary: "Retrieve a user's profile (and id) by username",
    request: userRequestSchema,
    response: userProfileSchema,
    errors: [...bodyErrors, ...tokenErrors, "user_not_found"],
  },
  deleteUser: {
    summary: "Delete a user by username, with its credentials, codes and challenges; answers its pending waits",
    request: userRequestSchema,
    response: deleteUserResponseSchema,
    errors: [...bodyErrors, ...tokenErrors, "user_not_found"],
  },
  deleteUserById: {
    summary: "Delete a user by id, with its credentials, codes and challenges; answers its pending waits",
    response: deleteUserResponseSchema,
    errors: ["invalid_request", ...tokenErrors, "user_not_found"],
  },
  activateUser: {
    summary: "Activate a deactivated user again",
    response: userProfileSchema,
    errors: ["invalid_request", ...tokenErrors, "user_not_found"],
  },
  deactivateUser: {
    summary: "Deactivate a user: no code, wait or sign-in; its live codes go and its pending waits are answered",
    response: userProfileSchema,
    errors: ["invalid_request", ...tokenErrors, "user_not_found"],
  },
  generateCode: {
    summary: "Generate a code for a user",
    request: generateCodeRequestSchema,
    response: generateCodeResponseSchema,
    errors: [...bodyErrors, ...tokenErrors, "user_not_found", "user_deactivated"],
  },
  authorizeCode: {
    summary: "Authorize a code from an already registered device",
    request: authorizeCodeRequestSchema,
    response: authorizeCodeResponseSchema,
    errors: [...bodyErrors, ...tokenErrors, "invalid_code", "code_expired", "too_many_attempts", "user_deactivated"],
  },
  invalidateAllCodes: {
    summary: "Invalidate every live code of a user, type and purpose (deny)",
    request: invalidateCodesRequestSchema,
    response: invalidateCodesResponseSchema,
    errors: [...bodyErrors, ...tokenErrors],
  },
  listPendingCodes: {
    summary:
      "List a user's live codes of a type and purpose, with the device waiting on each (user agent, IP, time; never the code)",
    request: listPendingCodesRequestSchema,
    response: listPendingCodesResponseSchema,
    errors: [...bodyErrors, ...tokenErrors, "user_not_found"],
  },
  waitCode: {
    summary: "Wait until a code is authorized, then receive a session (long poll)",
    request: waitCodeRequestSchema,
    response: authenticationResponseSchema,
    errors: [
      ...bodyErrors,
      "invalid_token",
      "forbidden",
      "invalid_code",
      "code_expired",
      "code_invalidated",
      "wait_timeout",
      "too_many_attempts",
      "user_deactivated",
    ],
  },
  fido2RegisterInit: {
    summary: "Sign up with a passkey, step 1: registration options for a new username (challenge valid 5 min)",
    request: registerInitRequestSchema,
    response: registrationOptionsResponseSchema,
    errors: [...bodyErrors, "origin_not_allowed", "user_exists", "too_many_attempts"],
  },
  fido2RegisterComplete: {
    summary: "Sign up with a passkey, step 2: send the new credential; creates the user, answers a session",
    request: registrationCompleteRequestSchema,
    response: authenticationResponseSchema,
    errors: [...bodyErrors, "origin_not_allowed", "user_exists", "invalid_challenge", "verification_failed"],
  },
  fido2AuthenticateInit: {
    summary:
      "Sign in with a passkey, step 1: request options (without a username: username-less, for discoverable passkeys and autofill)",
    request: authenticateInitRequestSchema,
    response: authenticationOptionsResponseSchema,
    errors: [...bodyErrors, "origin_not_allowed", "no_credentials", "too_many_attempts"],
  },
  fido2AuthenticateComplete: {
    summary: "Sign in with a passkey, step 2: send the assertion, receive a session",
    request: authenticateCompleteRequestSchema,
    response: authenticationResponseSchema,
    errors: [
      ...bodyErrors,
      "origin_not_allowed",
      "invalid_challenge",
      "credential_not_found",
      "verification_failed",
      "user_deactivated",
    ],
  },
  fido2AddCredentialInit: {
    summary: "Add a passkey with an authorized add_credential code, step 1: registration options",
    request: addCredentialInitRequestSchema,
    response: registrationOptionsResponseSchema,
    errors: [
      ...bodyErrors,
      "origin_not_allowed",
      "invalid_code",
      "code_expired",
      "too_many_attempts",
      "user_deactivated",
    ],
  },
  fido2AddCredentialComplete: {
    summary:
      "Add a passkey, step 2: send the new credential; consumes the code (none after init/force), answers a session",
    request: registrationCompleteRequestSchema,
    response: authenticationResponseSchema,
    errors: [
      ...bodyErrors,
      "origin_not_allowed",
      "invalid_challenge",
      "verification_failed",
      "invalid_code",
      "code_expired",
      "user_deactivated",
    ],
  },
  pwlessSignup: {
    summary: "Sign up; for an existing email, email a security code to add a device",
    request: pwlessSignupRequestSchema,
    response: pwlessSignupResponseSchema,
    errors: [...bodyErrors, "origin_not_allowed", "too_many_attempts", "service_unavailable"],
  },
  pwlessDevices: {
    summary: "Register a device key with the emailed security code",
    request: pwlessDevicesRequestSchema,
    response: pwlessDevicesResponseSchema,
    errors: [
      ...bodyErrors,
      "origin_not_allowed",
      "invalid_code",
      "code_expired",
      "too_many_attempts",
      "weak_key",
      "user_deactivated",
    ],
  },
  pwlessLoginInit: {
    summary: "Sign in with a device key, step 1: receive a single-use challenge (5 min)",
    request: deviceLoginInitRequestSchema,
    response: deviceLoginInitResponseSchema,
    errors: [...bodyErrors, "origin_not_allowed"],
  },
  pwlessLoginComplete: {
    summary: "Sign in with a device key, step 2: send the signed challenge, receive a session",
    request: deviceLoginCompleteRequestSchema,
    response: authenticationResponseSchema,
    errors: [...bodyErrors, "origin_not_allowed", "invalid_challenge", "verification_failed", "user_deactivated"],
  },
  ...credentialOperations,
  ...deviceAuthorizationOperations,
  jwks: {
    summary: "The service's public keys for user JWTs (JWKS)",
    response: { contentType: "application/json", description: "A JSON Web Key Set of ES256 public keys." },
    errors: [],
  },
  certs: {
    summary: "One public key as PEM text, by kid (LoginID style)",
    response: { contentType: "text/plain", description: "An SPKI public key in PEM." },
    errors: ["invalid_request", "not_found"],
  },
};

function jsonSchema(schema: Schema, io: "input" | "output"): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  return rest;
}

/** The OpenAPI 3.1 document of the contract. */
export function buildOpenApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = { ...operationalPaths };
  for (const [name, spec] of Object.entries(ENDPOINTS) as [EndpointName, (typeof ENDPOINTS)[EndpointName]][]) {
    if (OAUTH_ENDPOINT_NAMES.has(name)) continue;
    const operation = operations[name as Exclude<EndpointName, OAuthEndpointName>];
    const responses: Record<string, unknown> = {
      "200": {
        description: "Success",
        content:
          "contentType" in operation.response
            ? { [operation.response.contentType]: { schema: { description: operation.response.description } } }
            : { "application/json": { schema: jsonSchema(operation.response, "output") } },
      },
    };
    for (const code of operation.errors) {
      const status = String(SERVICE_ERROR_CODES[code]);
      const existing = responses[status] as { description: string } | undefined;
      responses[status] = {
        description: existing ? `${existing.description}, ${code}` : code,
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      };
    }
    paths[spec.path] = {
      [spec.method.toLowerCase()]: {
        operationId: name,
        summary: operation.summary,
        ...(spec.path.includes("{type}")
          ? { parameters: [{ name: "type", in: "path", required: true, schema: jsonSchema(codeTypeSchema, "input") }] }
          : {}),
        ...(spec.path.includes("{id}") || operation.query
          ? {
              parameters: [
                ...(spec.path.includes("{id}")
                  ? [{ name: "id", in: "path", required: true, schema: { type: "string", description: "A user id." } }]
                  : []),
                ...Object.entries(operation.query ?? {}).map(([name, schema]) => ({
                  name,
                  in: "query",
                  required: true,
                  schema: jsonSchema(schema, "input"),
                })),
              ],
            }
          : {}),
        ...(spec.auth === "none" ? { security: [] } : {}),
        ...(spec.auth === "optional_service_token" ? { security: [{}, { serviceToken: [spec.scope] }] } : {}),
        ...(spec.auth === "service_token" ? { security: [{ serviceToken: [spec.scope] }] } : {}),
        ...(operation.request
          ? {
              requestBody: {
                required: true,
                content: { "application/json": { schema: jsonSchema(operation.request, "input") } },
              },
            }
          : {}),
        responses,
      },
    };
  }
  Object.assign(paths, oauthPaths);
  return {
    openapi: "3.1.0",
    info: {
      title: "Handoff REST contract",
      version: "0.1.0",
      description:
        "One-time authentication (seed 000) and add device (seed 003). Generated from @handoff/types; see docs/contract.md.",
    },
    components: {
      securitySchemes: {
        serviceToken: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "JWT (ES256, claims client_id, type = scope, nonce, iat)",
        },
        metricsToken: { type: "http", scheme: "bearer", description: "The service's metrics token, when one is set" },
      },
      schemas: {
        Error: {
          ...jsonSchema(errorBodySchema, "output"),
          properties: {
            code: { type: "string", enum: Object.keys(SERVICE_ERROR_CODES) },
            message: { type: "string" },
          },
        },
        OAuthError: oauthErrorComponent,
      },
    },
    paths,
  };
}
