import {
  approveDeviceAuthorizationRequestSchema,
  type DeviceAuthorizationWire,
  deviceAuthorizationRequestSchema,
  deviceAuthorizationSchema,
  ENDPOINTS,
} from "@handoff/types";
import type { Context, Hono } from "hono";
import type * as z from "zod/mini";
import { checkTokenClient, checkTokenUser } from "../auth/token-binding.js";
import { authenticateServiceToken, useServiceTokenNonce } from "../auth/verify-service-token.js";
import type { ServiceContext } from "../context.js";
import { matchUserCode } from "../device-grant/match-user-code.js";
import { fail } from "../http/fail.js";
import { readBody, reply } from "../http/json.js";
import { inOneTransaction } from "../storage/in-one-transaction.js";
import type { DeviceAuthorizationRecord } from "../storage/records.js";
import { assertActive } from "../users/assert-active.js";

/** A device authorization as the backend sees it: never its codes nor their hashes. */
function toWire(record: DeviceAuthorizationRecord): DeviceAuthorizationWire {
  const info = record.requestInfo;
  return {
    status: record.deniedAt !== null ? "denied" : record.approvedAt !== null ? "approved" : "pending",
    scope: record.scope,
    created_at: record.createdAt.toISOString(),
    expires_at: record.expiresAt.toISOString(),
    requester: {
      ...(info.userAgent === undefined ? {} : { user_agent: info.userAgent }),
      ...(info.ip === undefined ? {} : { ip: info.ip }),
      seen_at: info.seenAt ?? record.createdAt.toISOString(),
    },
  };
}

type Endpoint = "getDeviceAuthorization" | "approveDeviceAuthorization" | "denyDeviceAuthorization";

/**
 * Answers one of the three calls: the service token and its scope, the body, the token's
 * binding to the body's client and user (when the body names one: it must exist and, to approve,
 * be active), the user code (counted, see `matchUserCode`); then `work`. Everything after the
 * token's signature is one transaction, whose wake-ups (the held token requests) go after it commits.
 */
async function deviceRequest<
  S extends z.ZodMiniType<{ client_id: string; user_code: string; user_id?: string | undefined }>,
>(
  c: Context,
  context: ServiceContext,
  endpoint: Endpoint,
  schema: S,
  work: (
    tx: ServiceContext,
    record: DeviceAuthorizationRecord,
    body: z.output<S>,
  ) => Promise<DeviceAuthorizationRecord>,
): Promise<Response> {
  const token = await authenticateServiceToken(context, c.req.header("authorization"), ENDPOINTS[endpoint].scope);
  await c.req.text().catch(() => undefined);
  return inOneTransaction(context, async (tx) => {
    await useServiceTokenNonce(tx, token);
    const body = await readBody(c, schema);
    checkTokenClient(token, body.client_id);
    if (body.user_id !== undefined) {
      const user = await tx.storage.users.getById(token.client.namespaceId, body.user_id);
      checkTokenUser(token, user ?? { id: body.user_id });
      if (!user) throw fail("user_not_found", "No user with this id.");
      if (endpoint === "approveDeviceAuthorization") assertActive(user);
    } else {
      checkTokenUser(token, {});
    }
    const record = await matchUserCode(tx, token.client.id, body.user_id, body.user_code);
    return reply(c, deviceAuthorizationSchema, toWire(await work(tx, record, body)));
  });
}

const decidedAlready = () => fail("invalid_code", "This request was already approved or denied.");

/**
 * The client's backend on its verification page ([contract](../../../../docs/contract.md#oauth-device-authorization-grant-rfc-8628)):
 * show a device authorization by its user code (the requester, RFC 8628 §5.4), approve it for
 * the signed-in user, or deny it. A decision wakes the device's held token request on every instance.
 */
export function registerDeviceApprovalRoutes(app: Hono, context: ServiceContext): void {
  app.post(ENDPOINTS.getDeviceAuthorization.path, (c) =>
    deviceRequest(
      c,
      context,
      "getDeviceAuthorization",
      deviceAuthorizationRequestSchema,
      async (_tx, record) => record,
    ),
  );

  app.post(ENDPOINTS.approveDeviceAuthorization.path, (c) =>
    deviceRequest(
      c,
      context,
      "approveDeviceAuthorization",
      approveDeviceAuthorizationRequestSchema,
      async (tx, record, body) => {
        const approved = await tx.storage.deviceAuthorizations.approve(record.id, body.user_id, tx.now());
        if (!approved) throw decidedAlready();
        tx.waits.publish(record.id, "authorized");
        return approved;
      },
    ),
  );

  app.post(ENDPOINTS.denyDeviceAuthorization.path, (c) =>
    deviceRequest(c, context, "denyDeviceAuthorization", deviceAuthorizationRequestSchema, async (tx, record) => {
      const denied = await tx.storage.deviceAuthorizations.deny(record.id, tx.now());
      if (!denied) throw decidedAlready();
      tx.waits.publish(record.id, "invalidated");
      return denied;
    }),
  );
}
