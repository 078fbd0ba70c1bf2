import {
  deviceLoginCompleteRequestSchema,
  deviceLoginInitRequestSchema,
  deviceLoginInitResponseSchema,
  ENDPOINTS,
} from "@handoff/types";
import type { Hono } from "hono";
import type { ServiceContext } from "../context.js";
import { canonicalEmail, findUserByEmail, resolvePwlessClient } from "../device-keys/accounts.js";
import {
  DEVICE_LOGIN_CHALLENGE_KIND,
  DEVICE_LOGIN_CHALLENGE_LIFETIME_MS,
} from "../device-keys/device-login-challenge.js";
import { canonicalAlgorithm } from "../device-keys/key-policy.js";
import { verifyDeviceSignature } from "../device-keys/verify-device-signature.js";
import { fail } from "../http/fail.js";
import { readBody, reply } from "../http/json.js";
import { assertOriginAllowed } from "../http/middleware.js";
import { replySession } from "../http/reply-session.js";
import { assertActive } from "../users/assert-active.js";

/**
 * `POST /pwless/login/init` and `/pwless/login/complete`: sign in with a key registered by
 * `/pwless/devices`. Init always answers a fresh challenge (also for an unknown email or key,
 * so it tells nothing); only a challenge for a real key of that user is stored, single use, for
 * 5 minutes. Complete takes the challenge atomically (any outcome uses it up), checks the
 * signature over its decoded bytes, and answers the session with a JWT
 * ([contract: add device](../../../../docs/contract.md#add-device), [the session answer](../../../../docs/contract.md#the-session-answer)).
 */
export function registerPwlessLoginRoutes(app: Hono, context: ServiceContext): void {
  app.post(ENDPOINTS.pwlessLoginInit.path, async (c) => {
    const body = await readBody(c, deviceLoginInitRequestSchema);
    const client = await resolvePwlessClient(context, body.client_id, c.req.header("origin"));
    const user = await findUserByEmail(context, client, body.email);
    const key = await context.storage.credentials.getDeviceKey(body.key_id);
    const challenge = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
    const expiresAt = new Date(context.now().getTime() + DEVICE_LOGIN_CHALLENGE_LIFETIME_MS);
    if (user && key && key.userId === user.id) {
      await context.storage.challenges.insert({
        challenge,
        kind: DEVICE_LOGIN_CHALLENGE_KIND,
        clientId: client.id,
        userId: user.id,
        data: { keyId: key.id, email: canonicalEmail(body.email) },
        expiresAt,
      });
    }
    return reply(c, deviceLoginInitResponseSchema, { challenge, expires_at: expiresAt.toISOString() });
  });

  app.post(ENDPOINTS.pwlessLoginComplete.path, async (c) => {
    const body = await readBody(c, deviceLoginCompleteRequestSchema);
    const record = await context.storage.challenges.take(body.challenge, DEVICE_LOGIN_CHALLENGE_KIND);
    if (!record || record.expiresAt.getTime() <= context.now().getTime()) {
      throw fail("invalid_challenge");
    }
    const client = await context.storage.clients.get(record.clientId);
    if (!client) throw fail("invalid_challenge");
    assertOriginAllowed(c.req.header("origin"), client.origins);

    const failed = () => fail("verification_failed", "The device key signature could not be verified.");
    if (record.data.keyId !== body.key_id || record.data.email !== canonicalEmail(body.email) || !record.userId) {
      throw failed();
    }
    const user = await context.storage.users.getById(client.namespaceId, record.userId);
    const key = await context.storage.credentials.getDeviceKey(body.key_id);
    if (!user || !key || key.userId !== user.id) throw failed();
    const valid = verifyDeviceSignature(
      canonicalAlgorithm(key.signatureAlgorithm),
      key.keyData,
      Buffer.from(body.challenge, "base64url"),
      Buffer.from(body.signature, "base64url"),
    );
    if (!valid) throw failed();
    assertActive(user); // told only to the key's holder: init answers every email alike
    await context.storage.credentials.touchDeviceKey(key.id, context.now());

    return replySession(c, context, client, user, {
      uuid: key.id,
      type: "device_key",
      name: key.name ?? (key.deviceInfo || "device key"),
    });
  });
}
