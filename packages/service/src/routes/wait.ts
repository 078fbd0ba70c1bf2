import { ENDPOINTS, waitCodeRequestSchema } from "@handoff/types";
import type { Hono } from "hono";
import { checkTokenClient, checkTokenUser } from "../auth/token-binding.js";
import { verifyServiceToken } from "../auth/verify-service-token.js";
import { anonymousGuesser } from "../codes/address-attempts.js";
import type { CodeScope } from "../codes/code-operations.js";
import { matchCode, unknownUserSubject } from "../codes/match-code.js";
import type { ServiceContext } from "../context.js";
import { fail } from "../http/fail.js";
import { readBody } from "../http/json.js";
import { assertOriginAllowed } from "../http/middleware.js";
import { replySession } from "../http/reply-session.js";
import { requesterIp, requestInfo } from "../http/request-info.js";
import type { CodeRecord, UserRecord } from "../storage/records.js";
import { assertActive } from "../users/assert-active.js";
import { waitForCode } from "../wait/wait-for-code.js";

/**
 * Throws the clear error of a wait whose user was deleted (`user_not_found`) or deactivated
 * (`user_deactivated`) while it was held: their codes were deleted, which woke it.
 */
async function assertUserStill(context: ServiceContext, user: UserRecord): Promise<void> {
  const current = await context.storage.users.getById(user.namespaceId, user.id);
  if (!current) throw fail("user_not_found", "The user was deleted.");
  assertActive(current);
}

/**
 * `POST /api/native/authenticate/code/wait` ([contract: the wait](../../../../docs/contract.md#the-wait)), answered with
 * the [session answer](../../../../docs/contract.md#the-session-answer).
 */
export function registerWaitRoutes(app: Hono, context: ServiceContext): void {
  app.post(ENDPOINTS.waitCode.path, async (c) => {
    const authorization = c.req.header("authorization");
    const token = authorization
      ? await verifyServiceToken(context, authorization, ENDPOINTS.waitCode.scope)
      : undefined;
    const body = await readBody(c, waitCodeRequestSchema);
    const client = await context.storage.clients.get(body.client_id);
    if (!client) throw fail("invalid_request", "Unknown client_id.");
    if (token) checkTokenClient(token, client.id);
    else assertOriginAllowed(c.req.header("origin"), client.origins);
    if (context.closing.value) throw fail("service_unavailable", "The service is shutting down; call again.");

    const { code: input, type } = body.authentication_code;
    const purpose = "temporary_authentication";
    const user = await context.storage.users.getByName(client.namespaceId, body.username);
    if (token) checkTokenUser(token, user ?? { username: body.username });
    const userId = user?.id ?? unknownUserSubject(body.username);
    const guesser = token ? ({ kind: "backend" } as const) : anonymousGuesser(c, context);
    // Who is asking, for the approving device to show (RFC 8628 §5.4), recorded in the match's
    // transaction; the first wait wins.
    const recordRequester = async (tx: ServiceContext, found: CodeRecord) => {
      if (found.requestInfo !== null) return;
      await tx.storage.codes.recordRequester(found.id, requestInfo(c, context.options.trustProxy, context.now()));
    };
    const scope: CodeScope = { clientId: client.id, userId, type, purpose };
    const record = await matchCode(context, scope, input, guesser, recordRequester);
    if (!user) throw fail("invalid_code"); // nobody has codes of an unknown user
    assertActive(user); // only a right code gets here: it tells its holder nothing new

    // Capped per code and per address once the code matched; the slot is given back however the wait ends.
    const address = requesterIp(c, context.options.trustProxy);
    const outcome = await context.waitLimits.hold(record.id, address, () =>
      waitForCode(context, record, c.req.raw.signal),
    );
    const wokeAt = performance.now();
    switch (outcome) {
      case "timeout":
        throw fail("wait_timeout", "The code was not authorized in time; call again until it expires.");
      case "expired":
        throw fail("code_expired");
      case "invalidated":
        await assertUserStill(context, user);
        throw fail("code_invalidated", "The request was denied.");
      case "closing":
      case "aborted":
        throw fail("service_unavailable", "The wait was interrupted; call again.");
      case "authorized":
        break;
    }
    if (!(await context.storage.codes.consume(record.id, context.now()))) {
      await assertUserStill(context, user);
      throw fail("invalid_code");
    }
    const answer = await replySession(c, context, client, user, {
      uuid: record.id,
      type: "code",
      name: body.credential_name ?? `${type} code`,
    });
    context.metrics.wakeup.observe((performance.now() - wokeAt) / 1000);
    return answer;
  });
}
