import { isHandoffError } from "@handoff/types";
import type { HandoffHandlerOptions, SignedInUser } from "./handler-options.js";
import { errorResponse, failure, json } from "./handler-responses.js";
import { readJsonField } from "./read-json-field.js";
import { StartLimits } from "./start-limits.js";
import { UsedTokenIds } from "./used-token-ids.js";

/**
 * Handles one request to the Handoff routes; `null` when the path is not one of them. `extra`
 * goes to your `getUser` and `signIn`.
 */
export type HandoffHandler<Extra = undefined> = (request: Request, extra: Extra) => Promise<Response | null>;

const oneTime = { codeType: "short", purpose: "temporary_authentication" } as const;

/** Default of `startLimit`: 5 codes per username per 15 minutes. */
const DEFAULT_START_LIMIT = { max: 5, windowMs: 15 * 60_000 };

/**
 * The routes every backend writes around Handoff, as one fetch handler (`Request` in,
 * `Response` out) for any framework or runtime — Next.js route handlers, edge functions, Bun,
 * Deno; `@handoff/server/hono` and `@handoff/server/express` wrap it. Under `basePath`
 * (default `/handoff`):
 *
 * | route | who calls it | what it does |
 * |---|---|---|
 * | `POST /one-time/start {username}` | the new device | `getUser` + `generateCode` (short): `{ code, codeType, expiresAt }` to show and wait on (`404 user_not_found` for an unknown username) |
 * | `GET /requests` | the signed-in device | `listPendingCodes`: who asks (user agent, IP, time), never the codes |
 * | `POST /approve {code}` | the signed-in device | `authorizeCode` with the code typed from the new device's screen |
 * | `POST /deny` | the signed-in device | `invalidateAllCodes`: every pending wait answers `code_invalidated` |
 * | `POST /add-device/start {username}` | the new device | with `sendAddDeviceCode`: an authorized `phrase` code delivered to the owner; the same answer for any username |
 * | `POST /session {jwt}` | any device, at the end of a flow | `verifyToken`, each token once, then your `signIn` |
 *
 * Your app keeps its own session (`getUser`, `signIn`). The two `start` routes need no
 * credential: they make at most `startLimit` codes per username (5 per 15 minutes by default);
 * put a per-address limiter in front of them too. Errors are `{ code, message }` with the status of the
 * `HandoffError` a device can act on; anything else is `502 service_error` (and `onError`).
 *
 * @example
 * // app/handoff/[...route]/route.ts (Next.js)
 * const handoff = createHandoffHandler({ client, getUser, signIn });
 * export const GET = async (request: Request) =>
 *   (await handoff(request, undefined)) ?? new Response(null, { status: 404 });
 * export const POST = GET;
 */
export function createHandoffHandler<Extra = undefined>(options: HandoffHandlerOptions<Extra>): HandoffHandler<Extra> {
  type Route = (request: Request, extra: Extra) => Promise<Response>;
  const { client, getUser, signIn, sendAddDeviceCode, onError } = options;
  const basePath = (options.basePath ?? "/handoff").replace(/\/+$/, "");
  const usedTokens = new UsedTokenIds();
  const { max, windowMs } = options.startLimit || DEFAULT_START_LIMIT;
  const startLimits = options.startLimit === false ? undefined : new StartLimits(max, windowMs);
  const limitStart = (username: string): Response | undefined => {
    const retryAfter = startLimits?.take(username.trim().toLowerCase());
    if (retryAfter === undefined) return undefined;
    return failure(429, "too_many_attempts", "Too many codes asked for this account. Try again later.", {
      "retry-after": String(retryAfter),
    });
  };

  const signedIn = async (request: Request, extra: Extra): Promise<SignedInUser | Response> =>
    (await getUser(request, extra)) ?? failure(401, "not_signed_in", "Sign in on this device first.");

  const routes: Record<string, Route> = {
    "POST /one-time/start": async (request) => {
      const username = await readJsonField(request, "username");
      const limited = limitStart(username);
      if (limited) return limited;
      const { id: userId } = await client.getUser(username);
      const { code, expiresAt } = await client.generateCode({ userId, ...oneTime });
      return json({ code, codeType: oneTime.codeType, expiresAt: expiresAt.toISOString() });
    },
    "GET /requests": async (request, extra) => {
      const user = await signedIn(request, extra);
      if (user instanceof Response) return user;
      const pending = await client.listPendingCodes({ userId: user.userId, ...oneTime });
      return json({
        requests: pending.map(({ expiresAt, requester }) => ({
          expiresAt: expiresAt.toISOString(),
          requester: requester && { ...requester, seenAt: requester.seenAt.toISOString() },
        })),
      });
    },
    "POST /approve": async (request, extra) => {
      const user = await signedIn(request, extra);
      if (user instanceof Response) return user;
      if (user.signedInOnce && !options.oneTimeSessionsMayApprove) {
        return failure(403, "signed_in_once", "A device signed in once cannot approve others.");
      }
      const code = await readJsonField(request, "code");
      await client.authorizeCode({ userId: user.userId, code, ...oneTime });
      return json({ approved: true });
    },
    "POST /deny": async (request, extra) => {
      const user = await signedIn(request, extra);
      if (user instanceof Response) return user;
      await client.invalidateAllCodes({ userId: user.userId, ...oneTime });
      return json({ denied: true });
    },
    "POST /add-device/start": async (request) => {
      if (!sendAddDeviceCode) return failure(404, "not_found", "Adding a device is not enabled here.");
      const username = await readJsonField(request, "username");
      const limited = limitStart(username);
      if (limited) return limited;
      // The same answer whether or not the account exists: this route tells nobody which do.
      const user = await client.getUser(username).catch((error: unknown) => {
        if (isHandoffError(error) && error.code === "user_not_found") return null;
        throw error;
      });
      if (user) {
        const code = await client.generateCode({
          userId: user.id,
          codeType: "phrase",
          purpose: "add_credential",
          authorize: true,
        });
        await sendAddDeviceCode(user, code);
      }
      return json({ sent: true });
    },
    "POST /session": async (request, extra) => {
      const claims = await client.verifyToken(await readJsonField(request, "jwt"));
      if (!usedTokens.use(claims.tokenId, claims.expiresAt)) {
        return failure(401, "token_used", "This sign-in was already used. Sign in again.");
      }
      return signIn(claims, request, extra);
    },
  };

  return async (request, extra) => {
    const { pathname } = new URL(request.url);
    if (!pathname.startsWith(`${basePath}/`)) return null;
    const path = pathname.slice(basePath.length);
    const route = routes[`${request.method} ${path}`];
    if (!route) {
      const known = Object.keys(routes).some((key) => key.endsWith(` ${path}`));
      return known ? failure(405, "method_not_allowed", "This route does not take this method.") : null;
    }
    try {
      return await route(request, extra);
    } catch (error) {
      return errorResponse(error, onError);
    }
  };
}
