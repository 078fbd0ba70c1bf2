import { isHandoffError, signedInWithOwnKey } from "@handoff/server";
import { ApiError } from "../api-error.ts";
import type { BackendApp, BackendContext } from "../backend-context.ts";
import { requireSession } from "../require-session.ts";

const purpose = "temporary_authentication";

/**
 * One-time sign-in, the signed-in device's side (seed 000, Step 5 and the optional invalidate):
 * `GET /api/requests` lists the user's pending requests with who asked (user agent, IP, time)
 * and the code to compare; `POST /api/requests/:id/approve` authorizes the code, and
 * `POST /api/requests/:id/deny` invalidates the user's pending codes.
 */
export function registerRequestRoutes(app: BackendApp, context: BackendContext): void {
  const signedIn = requireSession(context.sessions);

  app.get("/api/requests", signedIn, (c) => {
    const requests = context.requests.list(c.var.session.userId).map((request) => ({
      id: request.id,
      code: request.code,
      codeType: request.codeType,
      expiresAt: request.expiresAt.toISOString(),
      requester: { ...request.requester, requestedAt: request.requester.requestedAt.toISOString() },
    }));
    return c.json({ requests });
  });

  app.post("/api/requests/:id/approve", signedIn, async (c) => {
    const { session } = c.var;
    const { userId } = session;
    if (!signedInWithOwnKey(session.credential?.type) && !context.oneTimeSessionsMayApprove) {
      throw new ApiError(
        403,
        "signed_in_once",
        "This device is signed in once: approve other devices from one that signs in with its passkey.",
      );
    }
    const request = context.requests.get(userId, c.req.param("id"));
    if (!request) throw new ApiError(404, "request_not_found", "This request is no longer pending.");
    try {
      await context.handoff.authorizeCode({ userId, code: request.code, codeType: request.codeType, purpose });
    } catch (error) {
      if (isHandoffError(error) && (error.code === "code_expired" || error.code === "invalid_code")) {
        context.requests.remove(request);
      }
      throw error;
    }
    context.requests.remove(request);
    return c.json({ approved: true });
  });

  app.post("/api/requests/:id/deny", signedIn, async (c) => {
    const { userId } = c.var.session;
    const request = context.requests.get(userId, c.req.param("id"));
    if (!request) throw new ApiError(404, "request_not_found", "This request is no longer pending.");
    // The contract invalidates all of a user's live codes of a type and purpose at once, so every
    // pending request of this user ends: the waiting devices are told `code_invalidated`.
    await context.handoff.invalidateAllCodes({ userId, codeType: request.codeType, purpose });
    return c.json({ denied: context.requests.removeAll(userId) });
  });
}
