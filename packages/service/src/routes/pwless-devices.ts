import { ENDPOINTS, pwlessDevicesRequestSchema, pwlessDevicesResponseSchema } from "@handoff/types";
import type { Hono } from "hono";
import { anonymousGuesser } from "../codes/address-attempts.js";
import { type CodeScope, createCode, invalidateCodes } from "../codes/code-operations.js";
import { matchCode } from "../codes/match-code.js";
import type { ServiceContext } from "../context.js";
import {
  canonicalEmail,
  createEmailAccount,
  emailCodeSubject,
  findUserByEmail,
  resolvePwlessClient,
  verifyAccount,
} from "../device-keys/accounts.js";
import { acceptDeviceKey } from "../device-keys/key-policy.js";
import { verifySecurityNonce } from "../device-keys/security-nonce.js";
import { fail } from "../http/fail.js";
import { readBody, reply } from "../http/json.js";
import { deviceAddedMail } from "../mail/notices.js";
import type { DeviceKeyRecord } from "../storage/records.js";
import { assertActive } from "../users/assert-active.js";

const CODE = { type: "phrase", purpose: "add_credential" } as const;

/**
 * `POST /pwless/devices` ([contract: add device](../../../../docs/contract.md#add-device)): checks the key against the policy (before the code, so a
 * weak key never burns it), matches and consumes the emailed security code (wrong codes count
 * toward the limits), creates the account for a new email — or, for an account nobody had proved
 * the email of, verifies it and revokes every credential registered before — stores the key, then
 * rotates the user's security code: the old ones are invalidated and a fresh one, never sent,
 * replaces them.
 */
export function registerPwlessDevicesRoute(app: Hono, context: ServiceContext): void {
  app.post(ENDPOINTS.pwlessDevices.path, async (c) => {
    const body = await readBody(c, pwlessDevicesRequestSchema);
    const client = await resolvePwlessClient(context, body.client_id, c.req.header("origin"));
    const email = canonicalEmail(body.email);
    if (body.security_nonce_signed !== undefined) {
      await verifySecurityNonce(context, body.security_nonce_signed, { email, clientId: client.id });
    }
    const key = acceptDeviceKey(body);

    const existing = await findUserByEmail(context, client, body.email);
    const scope: CodeScope = {
      clientId: client.id,
      userId: await emailCodeSubject(context, client.id, email, existing),
      ...CODE,
    };
    const code = await matchCode(context, scope, body.security_code, anonymousGuesser(c, context));
    if (existing) assertActive(existing);
    if (!(await context.storage.codes.consume(code.id, context.now()))) {
      throw fail("invalid_code");
    }
    const user = existing ?? (await createEmailAccount(context, client.namespaceId, email));
    // The owner has just proved the address. An account made under it without proof (a passkey
    // sign-up by anyone) loses every credential registered before, and the owner is told which.
    const revoked = user.verifiedAt === null ? await verifyAccount(context, user) : [];

    const record: DeviceKeyRecord = {
      id: crypto.randomUUID(),
      userId: user.id,
      keyData: key.spki,
      keyType: key.keyType,
      keyLength: key.keyLength,
      signatureAlgorithm: key.algorithm,
      deviceInfo: body.device_info,
      name: null,
      createdAt: context.now(),
      lastUsedAt: null,
    };
    await context.storage.credentials.insertDeviceKey(record);

    await invalidateCodes(context, { clientId: client.id, userId: scope.userId, ...CODE });
    if (scope.userId !== user.id) await invalidateCodes(context, { clientId: client.id, userId: user.id, ...CODE });
    await createCode(context, { clientId: client.id, userId: user.id, ...CODE }, { authorize: true });

    try {
      await context.mailer?.send(deviceAddedMail(user.username, record.deviceInfo, record.createdAt, revoked));
    } catch (error) {
      context.options.logger({
        level: "warn",
        msg: "device added mail failed",
        error: error instanceof Error ? error.name : "unknown",
      });
    }
    return reply(c, pwlessDevicesResponseSchema, {
      success: true,
      code: "success",
      user: { id: user.id, email: user.username },
      key: {
        id: record.id,
        user_id: user.id,
        key_type: record.keyType,
        signature_algorithm: record.signatureAlgorithm,
        key_length: record.keyLength,
      },
    });
  });
}
