import { ENDPOINTS, pwlessSignupRequestSchema, pwlessSignupResponseSchema } from "@handoff/types";
import type { Hono } from "hono";
import { requestAddress } from "../codes/address-attempts.js";
import { createCode, invalidateCodes } from "../codes/code-operations.js";
import type { ServiceContext } from "../context.js";
import { canonicalEmail, findUserByEmail, pendingSubject, resolvePwlessClient } from "../device-keys/accounts.js";
import { signSecurityNonce } from "../device-keys/security-nonce.js";
import { assertSignupAllowed } from "../device-keys/signup-limits.js";
import { fail } from "../http/fail.js";
import { readBody, reply } from "../http/json.js";
import { requestInfo } from "../http/request-info.js";
import { MAIL_OFF_MESSAGE } from "../mail/create-mailer.js";
import { securityCodeMail } from "../mail/notices.js";

/**
 * `POST /pwless/signup` ([contract: add device](../../../../docs/contract.md#add-device)): emails a phrase security code (purpose `add_credential`,
 * authorized: receiving the email is the proof) and answers `code_validation_required` with a
 * signed nonce. Known and unknown emails take the same steps and get the same answer; for an
 * unknown email the code is bound to the email until `/pwless/devices` creates the account. A
 * new code replaces the email's previous ones (they stop working). Without a mailer it answers
 * `503 service_unavailable` before anything is stored. A deactivated account gets no code (and
 * the same answer).
 */
export function registerPwlessSignupRoute(app: Hono, context: ServiceContext): void {
  app.post(ENDPOINTS.pwlessSignup.path, async (c) => {
    const { mailer } = context;
    if (!mailer) throw fail("service_unavailable", MAIL_OFF_MESSAGE);
    const body = await readBody(c, pwlessSignupRequestSchema);
    const client = await resolvePwlessClient(context, body.client_id, c.req.header("origin"));
    const email = canonicalEmail(body.email);

    await assertSignupAllowed(context, requestAddress(c, context), client.id, email);

    const user = await findUserByEmail(context, client, body.email);
    if (user?.deactivatedAt) {
      // No code for a deactivated account, and the same answer as for any other email.
      const expiresAt = new Date(context.now().getTime() + context.options.codeLifetimeMs.phrase);
      return reply(c, pwlessSignupResponseSchema, {
        success: true,
        code: "code_validation_required",
        security_nonce_signed: await signSecurityNonce(context, { email, clientId: client.id }, expiresAt),
      });
    }
    const scope = {
      clientId: client.id,
      userId: user?.id ?? pendingSubject(email),
      type: "phrase",
      purpose: "add_credential",
    } as const;
    // One live security code per email: a new one replaces the last, so a guess is always at one code.
    await invalidateCodes(context, scope);
    const { code, record } = await createCode(context, scope, {
      authorize: true,
      requestInfo: requestInfo(c, context.options.trustProxy, context.now()),
      provesEmail: true,
    });
    try {
      await mailer.send(
        securityCodeMail(user?.username ?? body.email, code, record.expiresAt, context.options.codeLifetimeMs.phrase),
      );
    } catch (error) {
      context.options.logger({
        level: "error",
        msg: "security code mail failed",
        error: error instanceof Error ? error.name : "unknown",
      });
      await context.storage.codes.consume(record.id, context.now());
      throw fail("service_unavailable", "The security code could not be sent; try again later.");
    }
    return reply(c, pwlessSignupResponseSchema, {
      success: true,
      code: "code_validation_required",
      security_nonce_signed: await signSecurityNonce(context, { email, clientId: client.id }, record.expiresAt),
    });
  });
}
