import { type DeviceAuthorization, isHandoffError, normalizeUserCode, signedInWithOwnKey } from "@handoff/server";
import type { Context } from "hono";
import { ApiError } from "../api-error.ts";
import type { BackendApp, BackendContext, BackendEnv } from "../backend-context.ts";
import { readStringField } from "../read-json.ts";
import { requireSession } from "../require-session.ts";
import type { Session } from "../session-store.ts";

/** Longest user code accepted as typed (dashes and spaces included), in characters. */
const MAX_USER_CODE_LENGTH = 32;

const noSuchCode = () =>
  new ApiError(400, "invalid_code", "No device is waiting with this code. Check it, or start again on the device.");

/** The user code from the body, as typed: refused here when it cannot be a user code (`BDWP-HQPK`). */
async function readUserCode(c: Context<BackendEnv>): Promise<string> {
  const userCode = await readStringField(c, "userCode", MAX_USER_CODE_LENGTH);
  if (normalizeUserCode(userCode) === undefined) throw noSuchCode();
  return userCode;
}

/** Runs a call with a user code: a wrong one is told in the page's words. */
async function withUserCode<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isHandoffError(error) && error.code === "invalid_code") throw noSuchCode();
    throw error;
  }
}

/** A device authorization as the page shows it: who asked, when, for what. */
function shown(authorization: DeviceAuthorization) {
  const { requester } = authorization;
  return {
    status: authorization.status,
    scopes: authorization.scopes,
    expiresAt: authorization.expiresAt.toISOString(),
    requester: {
      userAgent: requester.userAgent ?? "unknown",
      ip: requester.ip ?? "unknown",
      requestedAt: requester.seenAt.toISOString(),
    },
  };
}

/** Only a device that signed in with its own passkey or key approves others, as for one-time requests. */
function assertMayApprove(session: Session, context: BackendContext): void {
  if (!signedInWithOwnKey(session.credential?.type) && !context.oneTimeSessionsMayApprove) {
    throw new ApiError(
      403,
      "signed_in_once",
      "This device is signed in once: approve other devices from one that signs in with its passkey.",
    );
  }
}

/**
 * "Approve a device": the verification page of the OAuth device grant (RFC 8628), where a
 * signed-in user types the code a CLI or TV shows (or opens its QR code, which carries it).
 * `POST /api/approve-device/look-up {userCode}` shows the device that asked (user agent, IP,
 * time: RFC 8628 §5.4) before anything is decided; `POST /api/approve-device/approve {userCode}`
 * and `…/deny {userCode}` decide. Each call names the signed-in user, so wrong codes count
 * against that user only.
 */
export function registerApproveDeviceRoutes(app: BackendApp, context: BackendContext): void {
  const signedIn = requireSession(context.sessions);

  app.post("/api/approve-device/look-up", signedIn, async (c) => {
    const userCode = await readUserCode(c);
    const { userId } = c.var.session;
    return c.json(shown(await withUserCode(() => context.handoff.getDeviceAuthorization({ userCode, userId }))));
  });

  app.post("/api/approve-device/approve", signedIn, async (c) => {
    const { session } = c.var;
    assertMayApprove(session, context);
    const userCode = await readUserCode(c);
    const { userId } = session;
    return c.json(shown(await withUserCode(() => context.handoff.approveDeviceAuthorization({ userCode, userId }))));
  });

  app.post("/api/approve-device/deny", signedIn, async (c) => {
    const userCode = await readUserCode(c);
    const { userId } = c.var.session;
    return c.json(shown(await withUserCode(() => context.handoff.denyDeviceAuthorization({ userCode, userId }))));
  });
}
