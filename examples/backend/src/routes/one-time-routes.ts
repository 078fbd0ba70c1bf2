import { ApiError } from "../api-error.ts";
import type { BackendApp, BackendContext } from "../backend-context.ts";
import { readStringField, readUsername } from "../read-json.ts";
import { describeRequester } from "../requester.ts";

/**
 * One-time sign-in, the new device's side (seed 000, Steps 1, 2 and 4):
 * `POST /api/one-time/start` finds the user, generates a short code, and keeps the request for
 * the user's signed-in devices to see; `POST /api/one-time/cancel` withdraws it.
 *
 * The code is answered to the device that asked (it waits on it with `waitCode`); nothing
 * happens until a signed-in device approves it.
 */
export function registerOneTimeRoutes(app: BackendApp, context: BackendContext): void {
  app.post("/api/one-time/start", async (c) => {
    const username = await readUsername(c);
    // An unknown username answers 404 user_not_found: the device needs a real code to wait on,
    // so this endpoint cannot hide whether an account exists (see the README); rate-limited.
    const user = await context.handoff.getUser(username);
    const { code, expiresAt } = await context.handoff.generateCode({
      userId: user.id,
      codeType: "short",
      purpose: "temporary_authentication",
    });
    const request = {
      id: crypto.randomUUID(),
      userId: user.id,
      username: user.username,
      code,
      codeType: "short" as const,
      expiresAt,
      requester: describeRequester(c, context.trustProxy),
    };
    context.requests.add(request);
    return c.json({ requestId: request.id, code, codeType: request.codeType, expiresAt: expiresAt.toISOString() });
  });

  // The request id is a random capability only the asking device knows.
  app.post("/api/one-time/cancel", async (c) => {
    const requestId = await readStringField(c, "requestId", 64);
    const request = context.requests.find(requestId);
    if (!request) throw new ApiError(404, "request_not_found", "This request is no longer pending.");
    context.requests.remove(request);
    return c.json({ cancelled: true });
  });
}
