import {
  authorizeCodeRequestSchema,
  authorizeCodeResponseSchema,
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
import { checkTokenBinding, type VerifiedServiceToken, verifyServiceToken } from "../auth/verify-service-token.js";
import { authorizeMatchedCode, createCode, invalidateCodes, matchCode } from "../codes/code-operations.js";
import type { ServiceContext } from "../context.js";
import { fail } from "../http/fail.js";
import { readBody, reply } from "../http/json.js";
import type { CodeRecord } from "../storage/records.js";

/** The `{type}` path parameter, validated. */
export function codeTypeParam(c: Context): CodeType {
  const parsed = codeTypeSchema.safeParse(c.req.param("type"));
  if (!parsed.success) throw fail("invalid_request", "The code type must be short, long or phrase.");
  return parsed.data;
}

async function requireUser(context: ServiceContext, token: VerifiedServiceToken, userId: string) {
  const user = await context.storage.getUserById(token.client.namespaceId, userId);
  if (!user) throw fail("user_not_found", "No user with this id.");
  return user;
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
 * Generate, authorize and invalidate-all (seed 000, Steps 2 and 5, and the optional deny), and the
 * listing of pending codes with who is waiting on each (RFC 8628 §5.4).
 */
export function registerCodeRoutes(app: Hono, context: ServiceContext): void {
  app.post(ENDPOINTS.generateCode.path.replace("{type}", ":type"), async (c) => {
    const type = codeTypeParam(c);
    const token = await verifyServiceToken(context, c.req.header("authorization"), ENDPOINTS.generateCode.scope);
    const body = await readBody(c, generateCodeRequestSchema);
    checkTokenBinding(token, { clientId: body.client_id, userId: body.user_id });
    const user = await requireUser(context, token, body.user_id);
    const { code, record } = await createCode(
      context,
      { clientId: token.client.id, userId: user.id, type, purpose: body.purpose },
      { authorize: body.authorize },
    );
    return reply(c, generateCodeResponseSchema, {
      code,
      expires_at: record.expiresAt.toISOString(),
      is_authorized: record.authorizedAt !== null,
    });
  });

  app.post(ENDPOINTS.authorizeCode.path.replace("{type}", ":type"), async (c) => {
    const type = codeTypeParam(c);
    const token = await verifyServiceToken(context, c.req.header("authorization"), ENDPOINTS.authorizeCode.scope);
    const body = await readBody(c, authorizeCodeRequestSchema);
    checkTokenBinding(token, { clientId: body.client_id, userId: body.user_id });
    const user = await requireUser(context, token, body.user_id);
    const record = await matchCode(
      context,
      { clientId: token.client.id, userId: user.id, type, purpose: body.purpose },
      body.code,
    );
    await authorizeMatchedCode(context, record);
    return reply(c, authorizeCodeResponseSchema, { expires_at: record.expiresAt.toISOString(), is_authorized: true });
  });

  app.post(ENDPOINTS.invalidateAllCodes.path.replace("{type}", ":type"), async (c) => {
    const type = codeTypeParam(c);
    const token = await verifyServiceToken(context, c.req.header("authorization"), ENDPOINTS.invalidateAllCodes.scope);
    const body = await readBody(c, invalidateCodesRequestSchema);
    checkTokenBinding(token, { clientId: body.client_id, userId: body.user_id });
    const user = await requireUser(context, token, body.user_id);
    await invalidateCodes(context, { clientId: token.client.id, userId: user.id, purpose: body.purpose, type });
    return reply(c, invalidateCodesResponseSchema, { deleted_at: context.now().toISOString() });
  });

  // The backend that approves (scope `codes.authorize`) lists what it would approve.
  app.post(ENDPOINTS.listPendingCodes.path.replace("{type}", ":type"), async (c) => {
    const type = codeTypeParam(c);
    const token = await verifyServiceToken(context, c.req.header("authorization"), ENDPOINTS.listPendingCodes.scope);
    const body = await readBody(c, listPendingCodesRequestSchema);
    checkTokenBinding(token, { clientId: body.client_id, userId: body.user_id });
    const user = await requireUser(context, token, body.user_id);
    const now = context.now().getTime();
    const records = await context.storage.listCodes({
      clientId: token.client.id,
      userId: user.id,
      type,
      purpose: body.purpose,
    });
    const live = records.filter((record) => record.consumedAt === null && record.expiresAt.getTime() > now);
    return reply(c, listPendingCodesResponseSchema, { codes: live.map(toPendingCodeWire) });
  });
}
