import {
  authorizeCodeRequestSchema,
  authorizeCodeResponseSchema,
  type CodePurpose,
  type CodeType,
  codeTypeSchema,
  ENDPOINTS,
  generateCodeRequestSchema,
  generateCodeResponseSchema,
  invalidateCodesRequestSchema,
  invalidateCodesResponseSchema,
  listPendingCodesRequestSchema,
  listPendingCodesResponseSchema,
  type PendingCodeWire,
} from "@handoff/types";
import type { Context, Hono } from "hono";
import type * as z from "zod/mini";
import { checkTokenClient, checkTokenUser } from "../auth/token-binding.js";
import { authenticateServiceToken, useServiceTokenNonce } from "../auth/verify-service-token.js";
import { authorizeMatchedCode, type CodeScope, createCode, invalidateCodes } from "../codes/code-operations.js";
import { matchCode } from "../codes/match-code.js";
import type { ServiceContext } from "../context.js";
import { fail } from "../http/fail.js";
import { readBody, reply } from "../http/json.js";
import { inOneTransaction } from "../storage/in-one-transaction.js";
import type { CodeRecord } from "../storage/records.js";
import { assertActive } from "../users/assert-active.js";

/** The `{type}` path parameter, validated. */
function codeTypeParam(c: Context): CodeType {
  const parsed = codeTypeSchema.safeParse(c.req.param("type"));
  if (!parsed.success) throw fail("invalid_request", "The code type must be short, long or phrase.");
  return parsed.data;
}

/** The endpoints below: each is about one user's codes of one type and purpose. */
type CodeEndpoint = "generateCode" | "authorizeCode" | "invalidateAllCodes" | "listPendingCodes";

/**
 * Answers a code endpoint: checks, in this order, the `{type}` path parameter, the service token
 * and its scope, the body, the token's binding to the body's client and user, and the user
 * (active, to generate or authorize a code); then runs `work` on the body and the codes it is
 * about. Everything after the token's signature, its nonce included, is one transaction
 * (`inOneTransaction`: one commit, the waits it wakes woken after it).
 */
async function codeRequest<S extends z.ZodMiniType<{ client_id: string; user_id: string; purpose: CodePurpose }>>(
  c: Context,
  context: ServiceContext,
  endpoint: CodeEndpoint,
  schema: S,
  work: (context: ServiceContext, body: z.output<S>, scope: CodeScope) => Promise<Response>,
): Promise<Response> {
  const type = codeTypeParam(c);
  const token = await authenticateServiceToken(context, c.req.header("authorization"), ENDPOINTS[endpoint].scope);
  // The body in memory first: nothing waits on the network while the transaction holds the database.
  await c.req.text().catch(() => undefined);
  return inOneTransaction(context, async (tx) => {
    await useServiceTokenNonce(tx, token);
    const body = await readBody(c, schema);
    checkTokenClient(token, body.client_id);
    const user = await tx.storage.users.getById(token.client.namespaceId, body.user_id);
    checkTokenUser(token, user ?? { id: body.user_id });
    if (!user) throw fail("user_not_found", "No user with this id.");
    // A deactivated user gets no code, and none of theirs is authorized; invalidating and listing still work.
    if (endpoint === "generateCode" || endpoint === "authorizeCode") assertActive(user);
    return work(tx, body, { clientId: token.client.id, userId: user.id, type, purpose: body.purpose });
  });
}

/** A live code as the listing shows it: never the code nor its hash. */
function toPendingCodeWire(record: CodeRecord): PendingCodeWire {
  const info = record.requestInfo;
  return {
    created_at: record.createdAt.toISOString(),
    expires_at: record.expiresAt.toISOString(),
    is_authorized: record.authorizedAt !== null,
    requester:
      info === null
        ? null
        : {
            ...(info.userAgent === undefined ? {} : { user_agent: info.userAgent }),
            ...(info.ip === undefined ? {} : { ip: info.ip }),
            // Records from before `seenAt` was kept were filled in when the code was created.
            seen_at: info.seenAt ?? record.createdAt.toISOString(),
          },
  };
}

/**
 * Generate, authorize and invalidate-all (the deny) ([contract: codes](../../../../docs/contract.md#codes)), and the listing
 * of pending codes with who is waiting on each, RFC 8628 §5.4
 * ([contract: pending codes](../../../../docs/contract.md#pending-codes-extension-rfc-8628-§5-4)).
 */
export function registerCodeRoutes(app: Hono, context: ServiceContext): void {
  app.post(ENDPOINTS.generateCode.path.replace("{type}", ":type"), (c) =>
    codeRequest(c, context, "generateCode", generateCodeRequestSchema, async (tx, body, scope) => {
      const { code, record } = await createCode(tx, scope, { authorize: body.authorize });
      return reply(c, generateCodeResponseSchema, {
        code,
        expires_at: record.expiresAt.toISOString(),
        is_authorized: record.authorizedAt !== null,
      });
    }),
  );

  app.post(ENDPOINTS.authorizeCode.path.replace("{type}", ":type"), (c) =>
    codeRequest(c, context, "authorizeCode", authorizeCodeRequestSchema, async (tx, body, scope) => {
      const record = await matchCode(tx, scope, body.code, { kind: "backend" });
      await authorizeMatchedCode(tx, record);
      return reply(c, authorizeCodeResponseSchema, { expires_at: record.expiresAt.toISOString(), is_authorized: true });
    }),
  );

  app.post(ENDPOINTS.invalidateAllCodes.path.replace("{type}", ":type"), (c) =>
    codeRequest(c, context, "invalidateAllCodes", invalidateCodesRequestSchema, async (tx, _body, scope) => {
      await invalidateCodes(tx, scope);
      return reply(c, invalidateCodesResponseSchema, { deleted_at: context.now().toISOString() });
    }),
  );

  // The backend that approves (scope `codes.authorize`) lists what it would approve.
  app.post(ENDPOINTS.listPendingCodes.path.replace("{type}", ":type"), (c) =>
    codeRequest(c, context, "listPendingCodes", listPendingCodesRequestSchema, async (tx, _body, scope) => {
      const now = context.now().getTime();
      const records = await tx.storage.codes.list(scope);
      const live = records.filter((record) => record.consumedAt === null && record.expiresAt.getTime() > now);
      return reply(c, listPendingCodesResponseSchema, { codes: live.map(toPendingCodeWire) });
    }),
  );
}
